import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { NotFoundException } from '../common/errors';
import { AccountStatus } from './account-status.entity';
import { ACCOUNT_STATUS_WATCHERS, type AccountStatusWatcher } from './account-status-watchers';

/** What a status change found and did, for the caller's audit record. */
export interface AccountStatusChange {
  /** The status the account had before. */
  before: number;
  /** The change gave the account its activation date. */
  activated: boolean;
}

/**
 * The one way other domains change an account's status row, always inside their own
 * transaction (delinquency's switch, a scheduled event, a disconnection). The
 * accounts domain owns the `accounts` and `account_statuses` tables, so the rules a
 * status change carries (the first active status dates the activation) live here
 * once, not in each caller's SQL, and the watchers of a status (the network) hear of
 * every change. The caller holds the family lock.
 */
@Injectable()
export class AccountStatusWriter {
  constructor(
    private readonly clock: Clock,
    @Optional() @Inject(ACCOUNT_STATUS_WATCHERS) private readonly watchers: AccountStatusWatcher[] | null,
  ) {}

  /** The status as an edit of the account would set it: the first status that counts as active also activates it. */
  async change(em: EntityManager, accountId: number, statusId: number): Promise<AccountStatusChange> {
    const status = await em.findOneBy(AccountStatus, { id: statusId });
    if (!status) throw new NotFoundException('Account status', statusId);
    const [account]: { account_status_id: number; activated_at: Date | null }[] = await em.query(
      'SELECT account_status_id, activated_at FROM accounts WHERE id = ?',
      [accountId],
    );
    if (!account) throw new NotFoundException('Account', accountId);
    const before = Number(account.account_status_id);
    if (before === statusId) return { before, activated: false };
    const activated = account.activated_at === null && status.countsAsActive;
    await em.query('UPDATE accounts SET account_status_id = ?, activated_at = COALESCE(activated_at, ?) WHERE id = ?', [
      statusId,
      activated ? this.clock.now() : null,
      accountId,
    ]);
    await this.tellWatchers(em, accountId, statusId, 'account.status');
    return { before, activated };
  }

  /** A status switch that is not an edit (delinquency and its undoing): the activation date is left as it is. */
  async switchTo(em: EntityManager, accountId: number, statusId: number): Promise<void> {
    await em.query('UPDATE accounts SET account_status_id = ? WHERE id = ?', [statusId, accountId]);
    await this.tellWatchers(em, accountId, statusId, 'account.status.delinquency');
  }

  /** The account is cut off at `at` and carries its disconnect status from then on. */
  async markDisconnected(em: EntityManager, accountId: number, statusId: number, at: Date): Promise<void> {
    await em.query('UPDATE accounts SET account_status_id = ?, disconnected_at = ? WHERE id = ?', [statusId, at, accountId]);
    await this.tellWatchers(em, accountId, statusId, 'account.status.disconnected');
  }

  /** Moves the "default disconnect status" flag to one status, or clears it; a unique key keeps it on one at most. */
  async flagDefaultDisconnectStatus(em: EntityManager, statusId: number | null): Promise<void> {
    await em.query('UPDATE account_statuses SET is_disconnect = 0 WHERE is_disconnect = 1');
    if (statusId !== null) await em.query('UPDATE account_statuses SET is_disconnect = 1 WHERE id = ?', [statusId]);
  }

  private async tellWatchers(em: EntityManager, accountId: number, statusId: number, reason: string): Promise<void> {
    for (const watcher of this.watchers ?? []) await watcher.statusChanged(em, { accountId, statusId, reason });
  }
}
