const metres = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const wholeMetres = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const kilometres = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const frequency = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** "1,037 m" up to ten kilometres' worth of metres is odd to read, so "4.59 km" from 1 km on. */
export const formatDistance = (m: number): string =>
  Math.abs(m) >= 1000 ? `${kilometres.format(m / 1000)} km` : `${wholeMetres.format(m)} m`;

/** A height or clearance to a tenth of a metre: "183.4 m". */
export const formatMetres = (m: number | null | undefined): string => (m === null || m === undefined ? '—' : `${metres.format(m)} m`);

/** 5800 → "5.8 GHz", 900 → "900 MHz". */
export const formatFrequency = (mhz: number): string =>
  mhz >= 1000 ? `${frequency.format(mhz / 1000)} GHz` : `${frequency.format(mhz)} MHz`;

/**
 * A list typed in a form: "30, 45" or "5.8 GHz, 3650": numbers separated by commas, semicolons or
 * spaces, each with an optional unit (`units` maps a unit to what the number is multiplied by). Null
 * when anything in it is not a number with a known unit.
 */
export function parseNumberList(text: string, units: Record<string, number> = {}): number[] | null {
  const parts = text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean);
  const values: number[] = [];
  for (const part of parts) {
    const match = /^(-?\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(part);
    if (!match) return null;
    const unit = match[2].toLowerCase();
    const factor = unit === '' ? 1 : units[unit];
    if (factor === undefined) return null;
    // Rounded to the precision the API keeps, so 5.8 GHz is 5800 and not 5799.999….
    values.push(Math.round(Number(match[1]) * factor * 1000) / 1000);
  }
  return values;
}

export const FREQUENCY_UNITS = { mhz: 1, ghz: 1000 };
export const HEIGHT_UNITS = { m: 1 };
