import type { EntityManager } from 'typeorm';
import { groupInto } from '../common/group-into';
import { EFFECTIVE_SETTINGS_VIEW } from '../billing-config/effective-settings';
import { serviceActiveOnCondition } from '../billing/recurring-charges';
import type { UsagePolicy } from './usage-policy';

const big = (v: unknown): bigint | null => (v === null || v === undefined ? null : BigInt(v as string | number));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The data service that meters an account's usage: the one its sessions get their speed from. */
export interface AccountDataService {
  accountId: number;
  accountServiceId: number;
  serviceId: number;
  name: string;
  downloadKbps: number;
  uploadKbps: number;
  policyId: number | null;
  /** The day (YYYY-MM-DD) the account got the service: its policy says nothing of periods ended before. */
  addedOn: string;
}

/** Usage policies by id, with their free windows: two queries whatever their number. */
export async function policiesByIds(em: EntityManager, ids: number[]): Promise<Map<number, UsagePolicy & { freeHourMask: number }>> {
  const policies = new Map<number, UsagePolicy & { freeHourMask: number }>();
  const unique = [...new Set(ids)];
  if (!unique.length) return policies;
  const rows: Record<string, unknown>[] = await em.query('SELECT * FROM usage_policies WHERE id IN (?)', [unique]);
  const windows: { policy_id: number; start_hour: number; end_hour: number }[] = await em.query(
    'SELECT policy_id, start_hour, end_hour FROM usage_policy_free_windows WHERE policy_id IN (?) ORDER BY policy_id, id',
    [unique],
  );
  const windowsOf = new Map<number, { startHour: number; endHour: number }[]>();
  for (const w of windows) groupInto(windowsOf, Number(w.policy_id), { startHour: Number(w.start_hour), endHour: Number(w.end_hour) });
  for (const r of rows) {
    const id = Number(r.id);
    policies.set(id, {
      id,
      name: r.name as string,
      capOctets: big(r.cap_octets),
      atCap: r.at_cap as UsagePolicy['atCap'],
      overageServiceId: num(r.overage_service_id),
      overageBlockOctets: big(r.overage_block_octets),
      slowDownloadKbps: num(r.slow_download_kbps),
      slowUploadKbps: num(r.slow_upload_kbps),
      topOffsAllowed: Number(r.top_offs_allowed) === 1,
      topOffOctets: big(r.top_off_octets),
      topOffServiceId: num(r.top_off_service_id),
      rollover: Number(r.rollover) === 1,
      rolloverExpiryMonths: num(r.rollover_expiry_months),
      freeWindows: windowsOf.get(id) ?? [],
      freeHourMask: Number(r.free_hour_mask),
    });
  }
  return policies;
}

/**
 * Each account's data service on the date (YYYY-MM-DD), the fastest should it have two, as the
 * network picks it: its policy is the one the account's usage is measured and charged by.
 */
export async function dataServicesOn(em: EntityManager, accountIds: number[], date: string): Promise<Map<number, AccountDataService>> {
  const byAccount = new Map<number, AccountDataService>();
  if (!accountIds.length) return byAccount;
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT s.account_id, s.id AS account_service_id, v.id AS service_id, v.name, v.download_kbps, v.upload_kbps, v.usage_policy_id,
            DATE_FORMAT(s.added_on, '%Y-%m-%d') AS added_on
       FROM account_services s
       LEFT JOIN package_services ps ON ps.package_id = s.package_id
       JOIN services v ON v.id = COALESCE(s.service_id, ps.service_id)
      WHERE s.account_id IN (?) AND v.kind = 'data' AND ${serviceActiveOnCondition('?')}
      ORDER BY s.account_id, v.download_kbps DESC, v.upload_kbps DESC, v.id, s.id`,
    [accountIds, date, date],
  );
  for (const r of rows) {
    const accountId = Number(r.account_id);
    if (byAccount.has(accountId)) continue;
    byAccount.set(accountId, {
      accountId,
      accountServiceId: Number(r.account_service_id),
      serviceId: Number(r.service_id),
      name: r.name as string,
      downloadKbps: Number(r.download_kbps),
      uploadKbps: Number(r.upload_kbps),
      policyId: num(r.usage_policy_id),
      addedOn: r.added_on as string,
    });
  }
  return byAccount;
}

/** Each account's anchor day (its billing day), which its usage periods start on. */
export async function anchorDaysOf(em: EntityManager, accountIds: number[]): Promise<Map<number, number>> {
  if (!accountIds.length) return new Map();
  const rows: { account_id: number; anchor_day: number }[] = await em.query(
    `SELECT account_id, anchor_day FROM ${EFFECTIVE_SETTINGS_VIEW} WHERE account_id IN (?)`,
    [accountIds],
  );
  return new Map(rows.map((r) => [Number(r.account_id), Number(r.anchor_day)]));
}
