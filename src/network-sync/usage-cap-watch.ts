import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NetworkChanges } from './network-changes';
import { NetworkSyncProcess } from './network-sync-process';
import { USAGE_CAPS, type UsageCaps } from './usage-caps';

export const CAP_REACHED = 'usage.cap_reached';

/**
 * Usage counted from accounting may take an account over a cap that slows it; that account's
 * provisioning pass then limits its RADIUS replies and its live sessions. The accounting ingestion
 * asks inside the transaction that counts a batch, so the change is recorded with the usage that
 * caused it, and kicks the provisioning once that transaction has committed.
 */
@Injectable()
export class UsageCapWatch {
  constructor(
    private readonly changes: NetworkChanges,
    private readonly provisioning: NetworkSyncProcess,
    @Optional() @Inject(USAGE_CAPS) private readonly caps: UsageCaps | null,
  ) {}

  /**
   * The accounts this batch's octets (per account) took to a cap that slows them, each with its
   * change recorded. Accounts limited already (by delinquency or by their cap) are not looked at.
   */
  async accountingCounted(em: EntityManager, counted: ReadonlyMap<number, bigint>): Promise<number[]> {
    if (!counted.size || !this.caps) return [];
    const limited: { account_id: number }[] = await em.query(
      'SELECT account_id FROM session_enforcement_accounts WHERE account_id IN (?) AND restriction IS NOT NULL',
      [[...counted.keys()]],
    );
    const skip = new Set(limited.map((r) => Number(r.account_id)));
    const watched = new Set([...counted.keys()].filter((id) => !skip.has(id)));
    const reached = await this.caps.reachedBy(em, counted, watched);
    await this.changes.record(
      em,
      reached.map((accountId) => ({ accountId, reason: CAP_REACHED })),
    );
    return reached;
  }

  /** After the commit: never fails the caller, the recorded changes are handed over later if Temporal is away. */
  async kick(accountIds: number[]): Promise<void> {
    if (accountIds.length) await this.provisioning.kick(accountIds, CAP_REACHED);
  }
}
