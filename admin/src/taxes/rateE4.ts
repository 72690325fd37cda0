/**
 * Tax rates are integers: percent × 10 000 (8.25 % is 82 500, 100 % is 1 000 000).
 * Typed and shown as a percent with up to four decimals, converted by string
 * arithmetic so no binary fraction can creep in.
 */

export const MAX_RATE_E4 = 1_000_000;
const RATE_INPUT = /^(\d*)(?:\.(\d*))?$/;

/** parseRatePercent('8.25') === 82500. Throws with a sentence for anything else. */
export function parseRatePercent(text: string): number {
  const compact = text.trim().replace(/\s*%$/, '');
  const match = RATE_INPUT.exec(compact);
  const [, whole = '', fraction = ''] = match ?? [];
  if (!match || (!whole && !fraction)) throw new Error('Enter a percent such as 8.25');
  if (fraction.length > 4) throw new Error('At most 4 decimals');
  const rate = Number(whole || '0') * 10_000 + Number(fraction.padEnd(4, '0'));
  if (!Number.isSafeInteger(rate) || rate > MAX_RATE_E4) throw new Error('A rate is at most 100 %');
  return rate;
}

export function ratePercentError(text: string): string | undefined {
  try {
    parseRatePercent(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** 82500 → "8.2500" (the text an input starts from). */
export function rateE4ToInput(rateE4: number): string {
  const text = String(rateE4).padStart(5, '0');
  return `${text.slice(0, -4)}.${text.slice(-4)}`;
}

/** 82500 → "8.2500 %". */
export const formatRateE4 = (rateE4: number | null | undefined): string =>
  rateE4 === null || rateE4 === undefined ? '—' : `${rateE4ToInput(rateE4)} %`;
