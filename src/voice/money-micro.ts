/**
 * Carriers quote per-minute rates in fractions of a cent, so a voice rate is an integer count of
 * micro-units: millionths of the currency's major unit. One cent is 10,000 micro-units and
 * $0.0045 a minute is 4,500. A call's charge is kept exact as billed seconds × micro-units a
 * minute (a "micro-unit-second" figure); only an invoice line, the sum of its calls, is turned
 * into cents, and it is rounded once.
 */

export const MICRO_PER_CENT = 10_000;

/** 60 seconds a minute × 10,000 micro-units a cent: micro-unit-seconds in one cent. */
export const MICRO_SECONDS_PER_CENT = 600_000n;

/** The most decimal places a rate can have: a micro-unit is the sixth. */
export const RATE_DECIMALS = 6;

// Nine whole digits keep a rate (up to 999,999,999.999999 a minute) a safe integer of micro-units.
const DECIMAL = /^(\d{1,9})(?:\.(\d+))?$/;

export type MicroReading = { ok: true; micro: number } | { ok: false; message: string };

/** "0.0045" as 4,500 micro-units, exactly: the text is read digit by digit, never through a float. */
export function readMicro(text: string): MicroReading {
  const match = DECIMAL.exec(text.trim());
  if (!match) return { ok: false, message: `${JSON.stringify(text)} is not a decimal amount such as 0.0045` };
  const decimals = match[2] ?? '';
  if (decimals.length > RATE_DECIMALS) {
    return { ok: false, message: `${text.trim()} has ${decimals.length} decimal places; a rate has at most ${RATE_DECIMALS}` };
  }
  return { ok: true, micro: Number(match[1]) * 1_000_000 + Number(decimals.padEnd(RATE_DECIMALS, '0')) };
}

/** Micro-units written back as a decimal without trailing zeros: 4,500 is "0.0045". */
export function formatMicro(micro: number): string {
  if (!Number.isSafeInteger(micro) || micro < 0) {
    throw new RangeError(`a rate is a whole, non-negative number of micro-units, got ${micro}`);
  }
  const whole = Math.floor(micro / 1_000_000);
  const rest = String(micro % 1_000_000)
    .padStart(RATE_DECIMALS, '0')
    .replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
}

/** A call's exact charge: billed seconds × micro-units a minute, in micro-unit-seconds. */
export function chargeMicroSeconds(billedSeconds: number, ratePerMinuteMicro: number): bigint {
  if (!Number.isSafeInteger(billedSeconds) || billedSeconds < 0) {
    throw new RangeError(`billed seconds must be a whole number ≥ 0, got ${billedSeconds}`);
  }
  if (!Number.isSafeInteger(ratePerMinuteMicro) || ratePerMinuteMicro < 0) {
    throw new RangeError(`a rate is a whole, non-negative number of micro-units, got ${ratePerMinuteMicro}`);
  }
  return BigInt(billedSeconds) * BigInt(ratePerMinuteMicro);
}

/**
 * The cents of an invoice line from the exact sum of its calls' charges: sum ÷ 60 ÷ 10,000,
 * rounded half away from zero (half-up for the charges calls make), once. Rounding each call
 * first would lose or gain up to half a cent a call; on a line of many short calls that adds up.
 */
export function lineCents(totalMicroSeconds: bigint): number {
  const negative = totalMicroSeconds < 0n;
  const magnitude = negative ? -totalMicroSeconds : totalMicroSeconds;
  const rounded = (magnitude * 2n + MICRO_SECONDS_PER_CENT) / (MICRO_SECONDS_PER_CENT * 2n);
  const cents = Number(negative ? -rounded : rounded);
  if (!Number.isSafeInteger(cents)) throw new RangeError(`a line of ${totalMicroSeconds} micro-unit-seconds is past what cents can hold`);
  return cents;
}
