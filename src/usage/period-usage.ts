import type { EntityManager } from 'typeorm';
import { localHourSql, offsetSegments } from './local-hour';
import type { UsagePeriod } from './usage-period';

/** Octets in and out, split into what counts toward the cap and charges and what a free window covered. */
export interface PeriodFigures {
  billableUpload: bigint;
  billableDownload: bigint;
  freeUpload: bigint;
  freeDownload: bigint;
  /** Top-offs bought for the period: they raise its cap. */
  topOffOctets: bigint;
}

export const emptyFigures = (): PeriodFigures => ({
  billableUpload: 0n,
  billableDownload: 0n,
  freeUpload: 0n,
  freeDownload: 0n,
  topOffOctets: 0n,
});

export const billableOf = (f: PeriodFigures): bigint => f.billableUpload + f.billableDownload;
export const freeOf = (f: PeriodFigures): bigint => f.freeUpload + f.freeDownload;

export const figuresKey = (accountId: number, periodStart: Date): string => `${accountId}:${periodStart.getTime()}`;

const big = (v: unknown): bigint => BigInt((v as string | number | null) ?? 0);

/**
 * What accounts used in periods, as billed: counted usage split by each account's free hours
 * (`freeMasks`: bit h set when the hour from h:00 local time is free; an account left out has
 * none), plus the clerks' corrections and the top-offs of each period. Three queries, whatever
 * the number of accounts and periods, so a bill run's batch and one account's history share it.
 * An hour's usage is free when the hour starts inside a free window: usage is kept by the hour,
 * and an interim update is counted in the hour it arrives.
 */
export async function periodFigures(
  em: EntityManager,
  accountIds: number[],
  periods: UsagePeriod[],
  freeMasks: ReadonlyMap<number, number>,
  timeZone: string,
): Promise<Map<string, PeriodFigures>> {
  const figures = new Map<string, PeriodFigures>();
  if (!accountIds.length || !periods.length) return figures;
  for (const accountId of accountIds) for (const p of periods) figures.set(figuresKey(accountId, p.start), emptyFigures());
  const at = (accountId: number, start: Date) => figures.get(figuresKey(accountId, new Date(start)));
  const periodParams = periods.flatMap((p) => [p.start, p.end]);

  const from = new Date(Math.min(...periods.map((p) => p.start.getTime())));
  const to = new Date(Math.max(...periods.map((p) => p.end.getTime())));
  const localHour = localHourSql('h.hour_start', offsetSegments(timeZone, from, to));
  // Accounts sharing a mask share a branch: a batch has as many branches as policies with free hours.
  const byMask = new Map<number, number[]>();
  for (const accountId of accountIds) {
    const mask = freeMasks.get(accountId) ?? 0;
    if (mask) byMask.set(mask, [...(byMask.get(mask) ?? []), accountId]);
  }
  const maskBranches = [...byMask].map(() => 'WHEN h.account_id IN (?) THEN ?');
  const maskSql = maskBranches.length ? `CASE ${maskBranches.join(' ')} ELSE 0 END` : '0';
  const maskParams = [...byMask].flatMap(([mask, ids]) => [ids, mask]);
  const freeSql = `((${maskSql}) >> ${localHour.sql}) & 1`;
  const freeParams = [...maskParams, ...localHour.params];

  // One pass over the span on the key (account, hour), each hour told its period by a CASE: joining a
  // table of periods instead reads the account's whole history once per period.
  const periodOf = `CASE ${periods.map((_, i) => `WHEN h.hour_start >= ? AND h.hour_start < ? THEN ${i}`).join(' ')} END`;
  const used: Record<string, unknown>[] = await em.query(
    `SELECT h.account_id, ${periodOf} AS k,
            SUM(IF(${freeSql}, 0, h.upload_octets)) AS billable_upload,
            SUM(IF(${freeSql}, 0, h.download_octets)) AS billable_download,
            SUM(h.upload_octets) AS upload, SUM(h.download_octets) AS download
       FROM usage_hours h
      WHERE h.account_id IN (?) AND h.hour_start >= ? AND h.hour_start < ?
      GROUP BY h.account_id, k HAVING k IS NOT NULL`,
    [...periodParams, ...freeParams, ...freeParams, accountIds, from, to],
  );
  for (const r of used) {
    const f = at(Number(r.account_id), periods[Number(r.k)].start);
    if (!f) continue;
    f.billableUpload += big(r.billable_upload);
    f.billableDownload += big(r.billable_download);
    f.freeUpload += big(r.upload) - big(r.billable_upload);
    f.freeDownload += big(r.download) - big(r.billable_download);
  }

  const starts = periods.map((p) => p.start);
  const adjusted: Record<string, unknown>[] = await em.query(
    `SELECT account_id, period_start, SUM(billable_upload_octets) AS bu, SUM(billable_download_octets) AS bd,
            SUM(free_upload_octets) AS fu, SUM(free_download_octets) AS fd
       FROM usage_adjustments WHERE account_id IN (?) AND period_start IN (?)
      GROUP BY account_id, period_start`,
    [accountIds, starts],
  );
  for (const r of adjusted) {
    const f = at(Number(r.account_id), r.period_start as Date);
    if (!f) continue;
    f.billableUpload += big(r.bu);
    f.billableDownload += big(r.bd);
    f.freeUpload += big(r.fu);
    f.freeDownload += big(r.fd);
  }

  const toppedOff: Record<string, unknown>[] = await em.query(
    `SELECT account_id, period_start, SUM(octets) AS octets FROM usage_top_offs
      WHERE account_id IN (?) AND period_start IN (?) GROUP BY account_id, period_start`,
    [accountIds, starts],
  );
  for (const r of toppedOff) {
    const f = at(Number(r.account_id), r.period_start as Date);
    if (f) f.topOffOctets += big(r.octets);
  }
  return figures;
}
