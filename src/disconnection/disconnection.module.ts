import { Module } from '@nestjs/common';
import { BillingConfigModule } from '../billing-config/billing-config.module';
import { BillingModule } from '../billing/billing.module';
import { DisconnectStatusService } from './disconnect-status.service';
import { DisconnectionController } from './disconnection.controller';
import { DisconnectionService } from './disconnection.service';
import { FinalInvoiceService } from './final-invoice.service';

/** Disconnecting accounts and their disconnection log. */
@Module({
  imports: [BillingModule, BillingConfigModule],
  controllers: [DisconnectionController],
  providers: [DisconnectionService, DisconnectStatusService, FinalInvoiceService],
  exports: [DisconnectionService],
})
export class DisconnectionModule {}
