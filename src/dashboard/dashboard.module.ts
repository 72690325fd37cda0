import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { AutopayModule } from '../autopay/autopay.module';
import { BillRunsModule } from '../bill-runs/bill-runs.module';
import { BillingModule } from '../billing/billing.module';
import { EmailModule } from '../email/email.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

/** The billing team's home page: the day's figures across the domains, read only. */
@Module({
  imports: [AccountsModule, BillingModule, BillRunsModule, AutopayModule, EmailModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}
