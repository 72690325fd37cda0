import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AccountStatusChange, AccountStatusWatcher } from '../accounts/account-status-watchers';
import { afterCommit } from '../database/after-commit';
import { NetworkChanges } from './network-changes';
import { NetworkSyncProcess } from './network-sync-process';

/**
 * An account's status decides whether its RADIUS logins are let in (an account whose status does
 * not count as active is refused), so a status change is a network change for an account that has
 * logins. Address lists need nothing here: routers read them fresh at each fetch.
 */
@Injectable()
export class AccountStatusNetworkWatcher implements AccountStatusWatcher {
  constructor(
    private readonly changes: NetworkChanges,
    private readonly provisioning: NetworkSyncProcess,
  ) {}

  async statusChanged(em: EntityManager, change: AccountStatusChange): Promise<void> {
    const [login] = await em.query('SELECT id FROM radius_accounts WHERE account_id = ? LIMIT 1', [change.accountId]);
    if (!login) return;
    await this.changes.record(em, [{ accountId: change.accountId, reason: change.reason }]);
    afterCommit(em, () => this.provisioning.kick([change.accountId], change.reason));
  }
}
