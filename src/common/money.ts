/**
 * Money is an integer count of minor units (cents) everywhere. These helpers are
 * the only place amounts are rounded or turned into text, so the API, the PDFs
 * and the invariant checker cannot disagree by a cent.
 */

/** a × n / d rounded half away from zero, exactly, for integers of any size JavaScript can hold. */
export function mulDivRound(a: number, n: number, d: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d <= 0) {
    throw new RangeError(`mulDivRound needs safe integers and a positive divisor, got ${a} × ${n} / ${d}`);
  }
  const product = BigInt(a) * BigInt(n);
  const divisor = BigInt(d);
  const negative = product < 0n;
  const magnitude = negative ? -product : product;
  const rounded = (magnitude * 2n + divisor) / (divisor * 2n);
  return Number(negative ? -rounded : rounded);
}

/** Formats minor units for people: 123456 → "1,234.56" (with the currency code when given). */
export function formatMoney(cents: number, currency?: string): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`money must be an integer number of cents, got ${cents}`);
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = `${negative ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')}`;
  return currency ? `${text} ${currency}` : text;
}
