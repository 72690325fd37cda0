import type { IpUsage } from '../network/types';

const grouped = new Intl.NumberFormat(undefined);
const onePlace = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/**
 * An address count from the API's decimal string: grouped while it reads as a number ("65,534"),
 * as a power of ten once it is an IPv6 size nobody counts ("≈1.8e19").
 */
export const formatAddressCount = (decimal: string): string => {
  if (!/^\d+$/.test(decimal)) return decimal;
  if (decimal.length <= 15) return grouped.format(BigInt(decimal));
  return `≈${decimal[0]}.${decimal.slice(1, 3)}e${decimal.length - 1}`;
};

/** "6.7%", and "<0.1%" for a share too small to show that is still not nothing. */
export const formatUsagePercent = (usage: IpUsage): string =>
  usage.percent < 0.1 && usage.assigned !== '0' ? '<0.1%' : `${onePlace.format(usage.percent)}%`;

/** Red when nearly full, amber when filling up. */
export const usageColor = (percent: number): 'error' | 'warning' | 'primary' =>
  percent >= 90 ? 'error' : percent >= 75 ? 'warning' : 'primary';
