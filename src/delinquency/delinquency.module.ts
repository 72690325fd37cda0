import { Global, Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { BillingConfigModule } from '../billing-config/billing-config.module';
import { BillingModule } from '../billing/billing.module';
import { CatalogModule } from '../catalog/catalog.module';
import { TaxesModule } from '../taxes/taxes.module';
import { CREDIT_APPLIED_HOOK } from '../billing/credit-applied.hook';
import { DelinquencyActivities } from './delinquency.activities';
import { DelinquencyService } from './delinquency.service';
import { LateFeesController } from './late-fees.controller';
import { LateFeesService } from './late-fees.service';

/**
 * Global so the ledger can take the credit-applied hook without importing this module,
 * which itself needs the ledger's lock and postings.
 */
@Global()
@Module({
  imports: [AccountsModule, BillingModule, BillingConfigModule, CatalogModule, TaxesModule],
  controllers: [LateFeesController],
  providers: [
    DelinquencyService,
    LateFeesService,
    DelinquencyActivities,
    { provide: CREDIT_APPLIED_HOOK, useExisting: DelinquencyService },
  ],
  exports: [DelinquencyService, LateFeesService, DelinquencyActivities, CREDIT_APPLIED_HOOK],
})
export class DelinquencyModule {}
