import { formatOctets, octetsToGb } from './formatOctets';
import type { UsagePeriod } from './types';

/** One bar of the billable usage chart, in GB (numbers, for drawing). */
export interface UsageChartPoint {
  billable: number;
  free: number;
  cap: number | null;
  allowance: number | null;
}

export const toChartPoint = (period: UsagePeriod): UsageChartPoint => ({
  billable: octetsToGb(period.billable.total),
  free: octetsToGb(period.free.total),
  cap: period.capOctets === null ? null : octetsToGb(period.capOctets),
  allowance: period.allowanceOctets === null ? null : octetsToGb(period.allowanceOctets),
});

/** What hovering a period says: its totals, and how its allowance was made up. */
export const periodTooltipRows = (period: UsagePeriod): [string, string][] => {
  const rows: [string, string][] = [
    ['Billable', formatOctets(period.billable.total)],
    ['Free', formatOctets(period.free.total)],
    ['Total used', formatOctets(period.usage.total)],
  ];
  if (period.capOctets !== null) rows.push(['Plan cap', formatOctets(period.capOctets)]);
  if (BigInt(period.topOffOctets) > 0n) rows.push(['Top-offs', formatOctets(period.topOffOctets)]);
  if (BigInt(period.rolloverOctets) > 0n) rows.push(['Rolled over', formatOctets(period.rolloverOctets)]);
  if (period.allowanceOctets !== null) rows.push(['Allowance', formatOctets(period.allowanceOctets)]);
  if (BigInt(period.overageOctets) > 0n) rows.push(['Over the allowance', formatOctets(period.overageOctets)]);
  return rows;
};
