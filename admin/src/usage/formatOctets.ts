/**
 * The one place the panel turns octets into words. Decimal throughout, as the policies sell data:
 * 1 GB is 10^9 octets and 1 TB is 1000 GB. Octets come from the API as decimal strings (a busy
 * month passes 2^53), so exact work is done with BigInt and only what is drawn becomes a number.
 */

const OCTETS_PER_GB = 1_000_000_000n;

const figure = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

const toBigInt = (octets: string | bigint): bigint => (typeof octets === 'bigint' ? octets : BigInt(octets || '0'));

/** GB as a number, for charts and gauges: "12500000000" → 12.5. */
export const octetsToGb = (octets: string | bigint | null | undefined): number => {
  if (octets === null || octets === undefined) return 0;
  const value = toBigInt(octets);
  return Number(value / OCTETS_PER_GB) + Number(value % OCTETS_PER_GB) / 1e9;
};

/** A figure already in GB as words: 0.35 → "350 MB", 12.5 → "12.5 GB", 1500 → "1.5 TB". */
export const formatGb = (gb: number): string => {
  const size = Math.abs(gb);
  if (size >= 1000) return `${figure.format(gb / 1000)} TB`;
  if (size > 0 && size < 1) return `${figure.format(gb * 1000)} MB`;
  return `${figure.format(gb)} GB`;
};

/** Octets as words: "12500000000" → "12.5 GB"; a missing figure is a dash. */
export const formatOctets = (octets: string | bigint | null | undefined): string =>
  octets === null || octets === undefined ? '—' : formatGb(octetsToGb(octets));

/** Exact decimal GB, as the API's GB fields take it: 12_500_000_000 → "12.5". */
export const octetsToGbText = (octets: string | bigint): string => {
  const value = toBigInt(octets);
  const whole = value / OCTETS_PER_GB;
  const rest = (value % OCTETS_PER_GB).toString().padStart(9, '0').replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : whole.toString();
};

/** A GB figure the API accepts: digits, and at most nine decimals (an octet is a billionth of a GB). */
export const GB_TEXT = /^\d{1,9}(\.\d{1,9})?$/;

export const isGbText = (text: string): boolean => GB_TEXT.test(text.trim());

/** The average rate over an hour that carried `octets`, in kbps (as the services' speeds are given). */
export const hourlyOctetsToKbps = (octets: string | bigint): number => (octetsToGb(octets) * 8_000_000) / 3600;
