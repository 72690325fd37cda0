/**
 * Formats an amount held in minor units (cents, pence, fils...) as currency text,
 * without ever turning the amount into a floating-point number.
 *
 * The amount is split into integer and fraction with BigInt arithmetic. Intl then
 * supplies the locale's layout: sign and currency placement (from formatting ±1),
 * digit grouping (from formatting the integer part, which Intl takes as a BigInt
 * exactly), and the locale's digits for the fraction.
 *
 * Pure TypeScript with no imports, so Node-side tests can load it directly.
 */

export type MinorUnits = number | string | bigint;

export interface FormatMoneyOptions {
  /**
   * Minor-unit exponent of the stored amount (2 for cents). Defaults to the
   * currency's digits in the runtime's CLDR data, which differs from ISO 4217 for
   * a few currencies (e.g. IQD, RSD, ISK): pass it when the ledger uses ISO's.
   */
  fractionDigits?: number;
}

const INTEGER_PATTERN = /^[+-]?\d+$/;
const MAX_FRACTION_DIGITS = 20;

/** Parses minor units into a BigInt, rejecting anything that is not an exact integer. */
export function toMinorUnits(value: MinorUnits): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(`Money amount ${value} is not a safe integer number of minor units`);
    }
    return BigInt(value);
  }
  const text = value.trim();
  if (!INTEGER_PATTERN.test(text)) {
    throw new RangeError(`Money amount "${value}" is not an integer number of minor units`);
  }
  return BigInt(text);
}

/** The currency's fraction digits according to Intl (CLDR): 2 for EUR, 0 for JPY, 3 for BHD. */
export function currencyFractionDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

interface Formatters {
  currency: Intl.NumberFormat;
  fraction: Intl.NumberFormat | null;
}

const formatterCache = new Map<string, Formatters>();

function getFormatters(currency: string, digits: number, locale: string | undefined): Formatters {
  const key = `${locale ?? ''}|${currency}|${digits}`;
  let formatters = formatterCache.get(key);
  if (!formatters) {
    formatters = {
      currency: new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
      // Same locale, so the same numbering system as the currency formatter.
      fraction: digits > 0 ? new Intl.NumberFormat(locale, { minimumIntegerDigits: digits, useGrouping: false }) : null,
    };
    formatterCache.set(key, formatters);
  }
  return formatters;
}

/**
 * formatMoney(123456, 'EUR', 'de-DE') === '1.234,56 €'
 * formatMoney('-5', 'USD', 'en-US') === '-$0.05'
 * formatMoney(9007199254740993n, 'JPY', 'ja-JP') === '￥9,007,199,254,740,993'
 *
 * Throws RangeError for a non-integer amount or an unknown currency code.
 */
export function formatMoney(minorUnits: MinorUnits, currency: string, locale?: string, options: FormatMoneyOptions = {}): string {
  const amount = toMinorUnits(minorUnits);
  const digits = options.fractionDigits ?? currencyFractionDigits(currency);
  if (!Number.isInteger(digits) || digits < 0 || digits > MAX_FRACTION_DIGITS) {
    throw new RangeError(`fractionDigits must be an integer from 0 to ${MAX_FRACTION_DIGITS}, got ${digits}`);
  }
  const formatters = getFormatters(currency, digits, locale);

  const negative = amount < 0n;
  const magnitude = negative ? -amount : amount;
  const scale = 10n ** BigInt(digits);
  const integerPart = magnitude / scale;
  const fractionPart = magnitude % scale;

  // Layout of the sign, currency and separators, e.g. ["-", "$", "1", ".", "00"].
  const template = formatters.currency.formatToParts(negative ? -1n : 1n);
  // The grouped integer digits, e.g. ["1", ",", "234"].
  const integerText = formatters.currency
    .formatToParts(integerPart)
    .filter((part) => part.type === 'integer' || part.type === 'group')
    .map((part) => part.value)
    .join('');
  const fractionText = formatters.fraction ? formatters.fraction.format(fractionPart) : '';

  let result = '';
  for (const part of template) {
    if (part.type === 'integer') result += integerText;
    else if (part.type === 'fraction') result += fractionText;
    else if (part.type !== 'group') result += part.value;
  }
  return result;
}
