import { Module } from '@nestjs/common';
import { BillingModule } from '../billing/billing.module';
import { CorrespondenceTemplatesModule } from '../correspondence-templates/correspondence-templates.module';
import { UsersModule } from '../users/users.module';
import { BillRunActivities } from './bill-run.activities';
import { BillRunsController } from './bill-runs.controller';
import { BillRunsService } from './bill-runs.service';
import { ParkedInvoicesService } from './parked-invoices.service';

@Module({
  imports: [BillingModule, UsersModule, CorrespondenceTemplatesModule],
  controllers: [BillRunsController],
  providers: [BillRunsService, BillRunActivities, ParkedInvoicesService],
  exports: [BillRunsService, BillRunActivities],
})
export class BillRunsModule {}
