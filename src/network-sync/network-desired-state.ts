import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { billingToday } from '../billing-config/billing-date';
import { serviceActiveOnCondition } from '../billing/recurring-charges';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { addressText, fromDecimal, type IpFamily } from '../common/ip-address';
import { RadiusGroupState, RadiusPair, RadiusUserState, speedGroupName, speedReplies } from './radius-state';
import { type DataServiceOfAccount, type SessionProfile, SessionProfiles } from './session-profiles';

interface AssignmentRow {
  radius_account_id: number;
  family: number;
  address: unknown;
  prefix_length: number;
  covers: 'address' | 'subnet';
}

/**
 * What the network should hold for an account, computed from Backhaul's own tables (the truth):
 * each RADIUS account with its password (refused while the account's status does not count as
 * active), its reply attributes from the account's active, hard assignments, and the speed group
 * of the account's data service; or, while the account is limited (delinquent, or slowed at its
 * usage cap), the limited speed in its own replies instead of the group, so that a session that
 * starts now gets the limit from the start.
 */
@Injectable()
export class NetworkDesiredState {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessionProfiles: SessionProfiles,
  ) {}

  async radiusUsersOf(
    em: EntityManager,
    accountIds: number[],
  ): Promise<{ users: RadiusUserState[]; groups: RadiusGroupState[]; profiles: Map<number, SessionProfile> }> {
    if (!accountIds.length) return { users: [], groups: [], profiles: new Map() };
    const accounts: { id: number; account_id: number; username: string; password: string; counts_as_active: number }[] = await em.query(
      `SELECT r.id, r.account_id, r.username, r.password, st.counts_as_active
         FROM radius_accounts r JOIN accounts a ON a.id = r.account_id JOIN account_statuses st ON st.id = a.account_status_id
        WHERE r.account_id IN (?) ORDER BY r.id`,
      [accountIds],
    );
    const assignments: AssignmentRow[] = await em.query(
      `SELECT radius_account_id, family, address, prefix_length, covers FROM ip_assignments
        WHERE account_id IN (?) AND assignee = 'radius_account' AND removed_at IS NULL AND soft = 0
        ORDER BY covers, id`,
      [accountIds],
    );
    const services = await this.dataServicesOf(em, accountIds);
    const profiles = await this.sessionProfiles.of(em, accountIds, services);
    const groups = new Map<string, RadiusGroupState>();
    const users = accounts.map((account): RadiusUserState => {
      const own = assignments.filter((a) => Number(a.radius_account_id) === Number(account.id));
      const service = services.get(Number(account.account_id));
      const restriction = profiles.get(Number(account.account_id))?.restriction;
      // FreeRADIUS merges a group's replies over the user's (`:=` replaces), so a limit leaves the group.
      const speed = !restriction &&
        service && { name: speedGroupName(service.serviceId), replies: speedReplies(service.downloadKbps, service.uploadKbps) };
      if (speed) groups.set(speed.name, speed);
      return {
        username: account.username,
        checks: [
          { attribute: 'Cleartext-Password', op: ':=', value: account.password },
          // An account whose status does not count as active keeps its logins, refused until it is active again.
          ...(Number(account.counts_as_active) ? [] : [{ attribute: 'Auth-Type', op: ':=', value: 'Reject' }]),
        ],
        replies: [...replyAttributes(own), ...(restriction ? speedReplies(restriction.downloadKbps, restriction.uploadKbps) : [])],
        groups: speed ? [speed.name] : [],
      };
    });
    return { users, groups: [...groups.values()], profiles };
  }

  /** Each account's data service today (the fastest, should it have two): what its sessions may use. */
  async dataServicesOf(em: EntityManager, accountIds: number[]): Promise<Map<number, DataServiceOfAccount>> {
    const byAccount = new Map<number, DataServiceOfAccount>();
    if (!accountIds.length) return byAccount;
    const today = billingToday(this.clock, this.config.BILLING_TIME_ZONE);
    const rows: { account_id: number; service_id: number; download_kbps: number; upload_kbps: number; usage_policy_id: number | null }[] =
      await em.query(
        `SELECT s.account_id, v.id AS service_id, v.download_kbps, v.upload_kbps, v.usage_policy_id
         FROM account_services s
         LEFT JOIN package_services ps ON ps.package_id = s.package_id
         JOIN services v ON v.id = COALESCE(s.service_id, ps.service_id)
        WHERE s.account_id IN (?) AND v.kind = 'data' AND ${serviceActiveOnCondition('?')}
        ORDER BY s.account_id, v.download_kbps DESC, v.upload_kbps DESC, v.id`,
        [accountIds, today, today],
      );
    for (const row of rows) {
      const accountId = Number(row.account_id);
      if (byAccount.has(accountId)) continue;
      byAccount.set(accountId, {
        serviceId: Number(row.service_id),
        downloadKbps: Number(row.download_kbps),
        uploadKbps: Number(row.upload_kbps),
        usagePolicyId: row.usage_policy_id === null ? null : Number(row.usage_policy_id),
      });
    }
    return byAccount;
  }
}

/**
 * An address from a pool or a subnet becomes the session's own address; a subnet assigned whole
 * becomes a route to the subscriber, whose next hop is that address when there is one (RFC 2865
 * 5.22: "prefix gateway metric").
 */
export function replyAttributes(assignments: Pick<AssignmentRow, 'family' | 'address' | 'prefix_length' | 'covers'>[]): RadiusPair[] {
  const text = (a: (typeof assignments)[number]) => addressText(Number(a.family) as IpFamily, fromDecimal(a.address));
  const own4 = assignments.find((a) => a.covers === 'address' && Number(a.family) === 4);
  const own6 = assignments.find((a) => a.covers === 'address' && Number(a.family) === 6);
  const replies: RadiusPair[] = [];
  if (own4) replies.push({ attribute: 'Framed-IP-Address', op: ':=', value: text(own4) });
  if (own6) replies.push({ attribute: 'Framed-IPv6-Address', op: ':=', value: text(own6) });
  for (const route of assignments.filter((a) => a.covers === 'subnet')) {
    const v4 = Number(route.family) === 4;
    const nextHop = v4 ? (own4 ? text(own4) : '0.0.0.0') : own6 ? text(own6) : '::';
    replies.push({
      attribute: v4 ? 'Framed-Route' : 'Framed-IPv6-Route',
      op: '+=',
      value: `${text(route)}/${Number(route.prefix_length)} ${nextHop} 1`,
    });
  }
  return replies;
}
