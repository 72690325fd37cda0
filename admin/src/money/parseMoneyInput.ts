/**
 * Money typed by a person, in major units ("12.34", "-5", "1,234.5"), turned
 * into integer minor units by string arithmetic, so no binary fraction can creep
 * in. The inverse, minorUnitsToInput, fills an input from a stored amount.
 *
 * Pure TypeScript with no imports, so Node-side tests can load it directly.
 */

export interface MoneyInputOptions {
  /** Digits after the decimal point the currency has (2 for cents). */
  fractionDigits?: number;
  /** Refuse amounts below zero (the default). */
  allowNegative?: boolean;
}

/** Sign, whole digits, then an optional point and fraction digits: "12", "12.", ".5", "-3.25". */
const MONEY_INPUT = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Below 2^53, so the result stays an exact JavaScript integer. */
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export class MoneyInputError extends Error {}

/**
 * parseMoneyInput('12.34') === 1234, parseMoneyInput('0.5') === 50, parseMoneyInput('1,000') === 100000.
 * Throws MoneyInputError for blank text, letters, more decimals than the currency has, or a negative amount
 * unless allowed.
 */
export function parseMoneyInput(text: string, options: MoneyInputOptions = {}): number {
  const digits = options.fractionDigits ?? 2;
  // Grouping commas and spaces are typing aids; the decimal separator is always a point.
  const compact = text.trim().replace(/[,\s]/g, '');
  if (!compact) throw new MoneyInputError('Enter an amount');
  const match = MONEY_INPUT.exec(compact);
  const [, sign = '', whole = '', fraction = ''] = match ?? [];
  if (!match || (!whole && !fraction)) throw new MoneyInputError('Enter an amount such as 12.34');
  if (fraction.length > digits) {
    throw new MoneyInputError(digits === 0 ? 'Whole amounts only, without decimals' : `At most ${digits} decimals`);
  }
  const magnitude = BigInt(whole || '0') * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (magnitude > MAX_SAFE) throw new MoneyInputError('The amount is too large');
  const negative = sign === '-' && magnitude !== 0n;
  if (negative && !options.allowNegative) throw new MoneyInputError('The amount cannot be negative');
  return Number(negative ? -magnitude : magnitude);
}

/** The error message for a money text, or undefined when it parses; for form validators. */
export function moneyInputError(text: string, options: MoneyInputOptions = {}): string | undefined {
  try {
    parseMoneyInput(text, options);
    return undefined;
  } catch (error) {
    if (error instanceof MoneyInputError) return error.message;
    throw error;
  }
}

/** 1234 → "12.34", -5 → "-0.05", 700 with 0 digits → "700": the text an input starts from. */
export function minorUnitsToInput(minorUnits: number, fractionDigits = 2): string {
  if (!Number.isSafeInteger(minorUnits)) throw new RangeError(`${minorUnits} is not a whole number of minor units`);
  const negative = minorUnits < 0;
  const text = String(Math.abs(minorUnits)).padStart(fractionDigits + 1, '0');
  const whole = text.slice(0, text.length - fractionDigits);
  const fraction = fractionDigits > 0 ? `.${text.slice(text.length - fractionDigits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
