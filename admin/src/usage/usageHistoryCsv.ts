import { downloadRows } from '../correspondence/csv';
import { octetsToGbText } from './formatOctets';
import type { UsagePeriod } from './types';

/** The periods shown, as a CSV in exact GB (decimal, 10^9 octets) and in octets. */
export const downloadUsageHistory = (accountId: number, periods: UsagePeriod[]): void =>
  downloadRows(
    `usage-history-account-${accountId}`,
    [
      'start_utc',
      'end_utc',
      'billable_gb',
      'free_gb',
      'total_gb',
      'download_gb',
      'upload_gb',
      'allowance_gb',
      'overage_gb',
      'billable_octets',
      'free_octets',
      'total_octets',
    ],
    periods.map((p) => [
      p.start,
      p.end,
      octetsToGbText(p.billable.total),
      octetsToGbText(p.free.total),
      octetsToGbText(p.usage.total),
      octetsToGbText(p.usage.download),
      octetsToGbText(p.usage.upload),
      p.allowanceOctets === null ? '' : octetsToGbText(p.allowanceOctets),
      octetsToGbText(p.overageOctets),
      p.billable.total,
      p.free.total,
      p.usage.total,
    ]),
  );
