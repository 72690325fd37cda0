import { Global, Module } from '@nestjs/common';
import { ACCOUNT_STATUS_WATCHERS } from '../accounts/account-status-watchers';
import { ACCOUNT_SERVICE_WATCHERS } from '../billing/account-service-watchers';
import { AccountNetworkStatusController } from './account-network-status.controller';
import { AccountNetworkStatusService } from './account-network-status.service';
import { AccountSessionEnforcementService } from './account-session-enforcement.service';
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
import { SessionEnforcementController } from './session-enforcement.controller';
import { SessionEnforcementService } from './session-enforcement.service';
import { SessionEnforcementSettingsService } from './session-enforcement-settings.service';
import { SessionProfiles } from './session-profiles';
import { UsageCapWatch } from './usage-cap-watch';

/**
 * Global so that billing and accounts, which know nothing of the network, are handed its watchers
 * of data services and of account statuses (ACCOUNT_SERVICE_WATCHERS, ACCOUNT_STATUS_WATCHERS)
 * without importing this module. Usage caps (USAGE_CAPS) come the other way, from the usage module.
 */
@Global()
@Module({
  controllers: [NetworkReconciliationController, AccountNetworkStatusController, SessionEnforcementController],
  providers: [
    AccountNetworkStatusService,
    AccountSessionEnforcementService,
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
    SessionEnforcementService,
    SessionEnforcementSettingsService,
    SessionProfiles,
    UsageCapWatch,
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
    UsageCapWatch,
  ],
})
export class NetworkSyncModule {}
