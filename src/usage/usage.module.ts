import { Global, Module } from '@nestjs/common';
import { BillingModule } from '../billing/billing.module';
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
 * Subscribers' data usage, read from RADIUS accounting, and what it costs. Its settlement of usage
 * periods (UsageSettlements) reaches billing, which knows nothing of usage, as one of the
 * CHARGE_SOURCES that src/charge-sources.module.ts binds. Global for the network's USAGE_CAPS.
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
    // What the network's session enforcement asks: who is over a cap that slows them.
    UsageCapHeadroom,
    { provide: USAGE_CAPS, useExisting: UsageCapHeadroom },
  ],
  exports: [AccountingIngestionService, UsageActivities, UsageAllowanceService, UsageCapHeadroom, UsageSettlements, USAGE_CAPS],
})
export class UsageModule {}
