import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AccountServiceChange, AccountServiceWatcher } from '../billing/account-service-watchers';
import { NetworkChanges } from './network-changes';
import { NetworkSyncProcess } from './network-sync-process';

/**
 * A data service (alone or in a package) sets the speed the network gives the account, so adding
 * or removing one is a network change. Other services are not: they wake nothing.
 */
@Injectable()
export class DataServiceWatcher implements AccountServiceWatcher {
  constructor(
    private readonly changes: NetworkChanges,
    private readonly provisioning: NetworkSyncProcess,
  ) {}

  async recordIn(em: EntityManager, change: AccountServiceChange): Promise<void> {
    if (await this.carriesDataService(em, change.accountServiceId)) {
      await this.changes.record(em, [{ accountId: change.accountId, reason: change.action }]);
    }
  }

  async afterCommit(change: AccountServiceChange): Promise<void> {
    await this.provisioning.kickPending(change.accountId, change.action);
  }

  private async carriesDataService(em: EntityManager, accountServiceId: number): Promise<boolean> {
    const [row]: { n: number }[] = await em.query(
      `SELECT COUNT(*) AS n FROM account_services s
         LEFT JOIN package_services ps ON ps.package_id = s.package_id
         JOIN services v ON v.id = COALESCE(s.service_id, ps.service_id)
        WHERE s.id = ? AND v.kind = 'data'`,
      [accountServiceId],
    );
    return Number(row.n) > 0;
  }
}
