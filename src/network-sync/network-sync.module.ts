import { Global, Module } from '@nestjs/common';
import { ACCOUNT_STATUS_WATCHERS } from '../accounts/account-status-watchers';
import { ACCOUNT_SERVICE_WATCHERS } from '../billing/account-service-watchers';
import { AccountNetworkStatusController } from './account-network-status.controller';
import { AccountNetworkStatusService } from './account-network-status.service';
import { AccountStatusNetworkWatcher } from './account-status-watcher';
import { DataServiceWatcher } from './data-service-watcher';
import { FreeradiusStore } from './freeradius-store';
import { RadiusDatabase } from './radius-database';
import { KeaStore } from './kea-store';
import { NetworkChanges } from './network-changes';
import { NetworkDesiredState } from './network-desired-state';
import { NetworkReconciliationService } from './network-reconciliation.service';
import { NetworkReconciliationController } from './network-reconciliation.controller';
import { NetworkSyncProcess } from './network-sync-process';
import { NetworkSyncService } from './network-sync.service';
import { NetworkSyncActivities } from './network-sync.activities';

/**
 * Global so that billing and accounts, which know nothing of the network, are handed its watchers
 * of data services and of account statuses (ACCOUNT_SERVICE_WATCHERS, ACCOUNT_STATUS_WATCHERS)
 * without importing this module.
 */
@Global()
@Module({
  controllers: [NetworkReconciliationController, AccountNetworkStatusController],
  providers: [
    AccountNetworkStatusService,
    NetworkReconciliationService,
    DataServiceWatcher,
    { provide: ACCOUNT_SERVICE_WATCHERS, useFactory: (watcher: DataServiceWatcher) => [watcher], inject: [DataServiceWatcher] },
    AccountStatusNetworkWatcher,
    {
      provide: ACCOUNT_STATUS_WATCHERS,
      useFactory: (watcher: AccountStatusNetworkWatcher) => [watcher],
      inject: [AccountStatusNetworkWatcher],
    },
    FreeradiusStore,
    RadiusDatabase,
    KeaStore,
    NetworkChanges,
    NetworkDesiredState,
    NetworkSyncProcess,
    NetworkSyncService,
    NetworkSyncActivities,
  ],
  exports: [
    ACCOUNT_SERVICE_WATCHERS,
    ACCOUNT_STATUS_WATCHERS,
    RadiusDatabase,
    NetworkChanges,
    NetworkDesiredState,
    NetworkSyncProcess,
    NetworkSyncService,
    NetworkSyncActivities,
  ],
})
export class NetworkSyncModule {}
