import { Module } from '@nestjs/common';
import { BillingModule } from '../billing/billing.module';
import { PaymentsModule } from '../payments/payments.module';
import { AutopayActivities } from './autopay.activities';
import { AutopayRunsController } from './autopay-runs.controller';
import { AutopayRunsService } from './autopay-runs.service';

/** Autopay: a daily run on Temporal charging each account's due balance to its autopay method. */
@Module({
  imports: [BillingModule, PaymentsModule],
  controllers: [AutopayRunsController],
  providers: [AutopayRunsService, AutopayActivities],
  exports: [AutopayRunsService, AutopayActivities],
})
export class AutopayModule {}
