import { Global, Module } from '@nestjs/common';
import { ACCOUNT_SERVICE_WATCHERS } from '../billing/account-service-watchers';
import { DataServiceWatcher } from './data-service-watcher';
import { FreeradiusStore } from './freeradius-store';
import { KeaStore } from './kea-store';
import { NetworkChanges } from './network-changes';
import { NetworkDesiredState } from './network-desired-state';
import { NetworkReconciliationService } from './network-reconciliation.service';
import { NetworkReconciliationController } from './network-reconciliation.controller';
import { NetworkSyncProcess } from './network-sync-process';
import { NetworkSyncService } from './network-sync.service';
import { NetworkSyncActivities } from './network-sync.activities';

/**
 * Global so that billing, which knows nothing of the network, is handed its watcher of data
 * services through ACCOUNT_SERVICE_WATCHERS without importing this module.
 */
@Global()
@Module({
  controllers: [NetworkReconciliationController],
  providers: [
    NetworkReconciliationService,
    DataServiceWatcher,
    { provide: ACCOUNT_SERVICE_WATCHERS, useFactory: (watcher: DataServiceWatcher) => [watcher], inject: [DataServiceWatcher] },
    FreeradiusStore,
    KeaStore,
    NetworkChanges,
    NetworkDesiredState,
    NetworkSyncProcess,
    NetworkSyncService,
    NetworkSyncActivities,
  ],
  exports: [ACCOUNT_SERVICE_WATCHERS, NetworkChanges, NetworkDesiredState, NetworkSyncProcess, NetworkSyncService, NetworkSyncActivities],
})
export class NetworkSyncModule {}
