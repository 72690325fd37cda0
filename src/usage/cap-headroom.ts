import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import type { UsageCaps } from '../network-sync/usage-caps';
import { billableOf } from './period-usage';
import { UsageAllowanceService } from './usage-allowance.service';
import { usagePeriodAt } from './usage-period';

interface HeadroomRow {
  accountId: number;
  periodStart: Date;
  policyId: number;
  octets: bigint;
  workedOutAt: Date;
}

/**
 * Which accounts the octets just counted took to a cap that slows them, without summing each
 * account's period after every batch of accounting.
 *
 * An account on such a policy has a row holding what it may still use this period: its allowance
 * less its billable usage, worked out in full once. Each batch takes every octet it counted for the
 * account off the row, free hours included, so the row never says more than the truth; only when it
 * runs out is the period summed again, which either finds the account at its cap (reported once:
 * the row stays at or below zero) or, free hours having counted for nothing, sets the row again.
 *
 * A row holds for one period and one policy, so a new period or another policy works it out again;
 * a top-off only raises the allowance, but is forgotten too, so an account slowed and topped off is
 * looked at anew. What else changes an allowance or the billable usage (a clerk's correction, a
 * policy's cap or free hours) deletes the rows it makes wrong, through forget(). The batch, and
 * forget(), hold the ingestion cursor's lock: a row worked out from figures read before a
 * correction committed is never written after the correction deleted it.
 */
@Injectable()
export class UsageCapHeadroom implements UsageCaps {
  constructor(
    private readonly allowance: UsageAllowanceService,
    private readonly clock: Clock,
  ) {}

  /**
   * Takes `counted` (octets per account, this batch) off the rows of the `watched` accounts among
   * them and returns those that reached a cap that slows them. Counted accounts not watched (no such
   * policy, or limited already) lose their row, since nothing was taken off it. Runs in the
   * ingestion's transaction, which holds the cursor's lock.
   */
  async reachedBy(em: EntityManager, counted: ReadonlyMap<number, bigint>, watched: ReadonlySet<number>): Promise<number[]> {
    const ids = [...counted.keys()];
    if (!ids.length) return [];
    const rows = await this.rowsOf(em, ids);
    const now = this.clock.now();
    // Read once: what picks the accounts to watch is also what their standings are worked out from.
    const terms = await this.allowance.terms(
      em,
      ids.filter((id) => watched.has(id)),
    );
    const slowing = new Map<number, number>();
    for (const [accountId, service] of terms.services) {
      const policy = service.policyId === null ? undefined : terms.policies.get(service.policyId);
      if (policy && policy.atCap === 'slow' && policy.capOctets !== null) slowing.set(accountId, policy.id);
    }
    const anchors = terms.anchors;

    const forgotten = [...rows.keys()].filter((id) => !slowing.has(id));
    const written: HeadroomRow[] = [];
    const workOut = new Set<number>();
    for (const [accountId, policyId] of slowing) {
      const row = rows.get(accountId);
      const period = usagePeriodAt(Math.min(anchors.get(accountId) ?? 1, 28), now);
      const current = row && row.policyId === policyId && row.periodStart.getTime() === period.start.getTime();
      if (!current) {
        workOut.add(accountId);
        continue;
      }
      const left = row.octets - (counted.get(accountId) ?? 0n);
      // At or below zero before this batch: found at the cap and reported already.
      if (row.octets > 0n && left <= 0n) workOut.add(accountId);
      else written.push({ ...row, octets: left });
    }

    const reached: number[] = [];
    const standings = workOut.size ? await this.allowance.standings(em, [...workOut], terms) : new Map();
    for (const accountId of workOut) {
      const s = standings.get(accountId);
      const allowance = s?.use?.allowanceOctets;
      if (!s?.policy || s.policy.atCap !== 'slow' || allowance === null || allowance === undefined) {
        if (rows.has(accountId)) forgotten.push(accountId);
        continue;
      }
      const headroom = allowance - billableOf(s.figures);
      if (headroom <= 0n) reached.push(accountId);
      written.push({ accountId, periodStart: s.period.start, policyId: s.policy.id, octets: headroom, workedOutAt: now });
    }

    if (forgotten.length) await em.query('DELETE FROM usage_cap_headroom WHERE account_id IN (?)', [forgotten]);
    if (written.length) {
      written.sort((a, b) => a.accountId - b.accountId);
      await em.query(
        `INSERT INTO usage_cap_headroom (account_id, period_start, policy_id, headroom_octets, worked_out_at) VALUES ?
         ON DUPLICATE KEY UPDATE period_start = VALUES(period_start), policy_id = VALUES(policy_id),
           headroom_octets = VALUES(headroom_octets), worked_out_at = VALUES(worked_out_at)`,
        [written.map((r) => [r.accountId, r.periodStart, r.policyId, r.octets.toString(), r.workedOutAt])],
      );
    }
    return reached;
  }

  overCap(em: EntityManager, accountIds: number[]): Promise<Set<number>> {
    return this.allowance.overCap(em, accountIds);
  }

  /**
   * Deletes the rows a change makes wrong: an account's, after a correction or a top-off; a
   * policy's, after an edit of it. Takes the ingestion cursor's lock first, so a batch in flight
   * finishes before the rows go and the next one reads the change.
   */
  async forget(em: EntityManager, which: { accountIds: number[] } | { policyId: number }): Promise<void> {
    await em.query('SELECT last_event_id FROM usage_ingestion WHERE id = 1 FOR UPDATE');
    if ('policyId' in which) await em.query('DELETE FROM usage_cap_headroom WHERE policy_id = ?', [which.policyId]);
    else if (which.accountIds.length) await em.query('DELETE FROM usage_cap_headroom WHERE account_id IN (?)', [which.accountIds]);
  }

  private async rowsOf(em: EntityManager, accountIds: number[]): Promise<Map<number, HeadroomRow>> {
    const rows: { account_id: number; period_start: Date; policy_id: number; headroom_octets: string | number; worked_out_at: Date }[] =
      await em.query(
        'SELECT account_id, period_start, policy_id, headroom_octets, worked_out_at FROM usage_cap_headroom WHERE account_id IN (?)',
        [accountIds],
      );
    return new Map(
      rows.map((r) => [
        Number(r.account_id),
        {
          accountId: Number(r.account_id),
          periodStart: r.period_start,
          policyId: Number(r.policy_id),
          octets: BigInt(r.headroom_octets),
          workedOutAt: r.worked_out_at,
        },
      ]),
    );
  }
}
