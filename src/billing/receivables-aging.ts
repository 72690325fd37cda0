import { OWING_INVOICE_CONDITION } from './billing-figures.service';

/**
 * Receivables aging: an open invoice falls in one bucket by how many days its due
 * date lies behind the day asked about. Written once here, so the book's aging figure
 * and the invoice list's aging filter cannot disagree on where an invoice sits.
 */
export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Days past due, inclusive bounds; null is open-ended. "current" is not yet past its due date (due today included). */
const BUCKET_DAYS: Record<AgingBucket, { from: number | null; to: number | null }> = {
  current: { from: null, to: 0 },
  '1-30': { from: 1, to: 30 },
  '31-60': { from: 31, to: 60 },
  '61-90': { from: 61, to: 90 },
  '90+': { from: 91, to: null },
};

/**
 * An invoice aliased `i` with money still owed on it: owing, and not yet paid in
 * full. The invoices table stores this as is_open (a generated column, indexed with
 * the due date), which OPEN_INVOICE_INDEXED reads; the two say the same.
 */
export const OPEN_INVOICE_CONDITION = `${OWING_INVOICE_CONDITION} AND i.paid < i.total`;
export const OPEN_INVOICE_INDEXED = `i.is_open = 1`;

/**
 * The invoice aliased `i` lies in the bucket on the date (an SQL expression). Bounds on
 * the due date itself rather than on a difference, so an index on it serves the filter.
 */
export function agingBucketCondition(bucket: AgingBucket, date: string): string {
  const { from, to } = BUCKET_DAYS[bucket];
  const parts: string[] = [];
  if (to !== null) parts.push(`i.due_date >= DATE_SUB(${date}, INTERVAL ${to} DAY)`);
  if (from !== null) parts.push(`i.due_date <= DATE_SUB(${date}, INTERVAL ${from} DAY)`);
  return parts.join(' AND ');
}

/** The bucket of the invoice aliased `i` on the date (an SQL expression), as its name. */
export function agingBucketSql(date: string): string {
  const arms = AGING_BUCKETS.map((b) => `WHEN ${agingBucketCondition(b, date)} THEN '${b}'`);
  return `CASE ${arms.join(' ')} END`;
}

/** The parameters agingBucketCondition(bucket, '?') takes: the date once per bound. */
export function agingBucketParams(bucket: AgingBucket, date: string): string[] {
  const { from, to } = BUCKET_DAYS[bucket];
  return [to, from].filter((b) => b !== null).map(() => date);
}
