import { Global, Module } from '@nestjs/common';
import { BillingModule } from '../billing/billing.module';
import { USAGE_CHARGE_SOURCE } from '../billing/usage-charges';
import { CatalogModule } from '../catalog/catalog.module';
import { USAGE_CAPS } from '../network-sync/usage-caps';
import { DataUsageService } from './data-usage.service';
import { TopOffsService } from './top-offs.service';
import { UsageAllowanceService } from './usage-allowance.service';
import { UsageCapHeadroom } from './cap-headroom';
import { UsagePoliciesController } from './usage-policies.controller';
import { UsagePoliciesService } from './usage-policies.service';
import { UsageSettlements } from './usage-settlements';
import { AccountingIngestionService } from './accounting-ingestion.service';
import { AccountingLog } from './accounting-log';
import { UsageActivities } from './usage.activities';
import { UsageController } from './usage.controller';
import { UsageHistoryService } from './usage-history.service';

/**
 * Subscribers' data usage, read from RADIUS accounting, and what it costs. Global so that billing,
 * which knows nothing of usage, is handed the settlement of usage periods (USAGE_CHARGE_SOURCE)
 * without importing this module.
 */
@Global()
@Module({
  imports: [BillingModule, CatalogModule],
  controllers: [UsageController, UsagePoliciesController],
  providers: [
    AccountingLog,
    AccountingIngestionService,
    UsageActivities,
    UsageHistoryService,
    UsageAllowanceService,
    UsagePoliciesService,
    DataUsageService,
    TopOffsService,
    UsageSettlements,
    { provide: USAGE_CHARGE_SOURCE, useExisting: UsageSettlements },
    // What the network's session enforcement asks: who is over a cap that slows them.
    UsageCapHeadroom,
    { provide: USAGE_CAPS, useExisting: UsageCapHeadroom },
  ],
  exports: [AccountingIngestionService, UsageActivities, UsageAllowanceService, UsageCapHeadroom, USAGE_CHARGE_SOURCE, USAGE_CAPS],
})
export class UsageModule {}
