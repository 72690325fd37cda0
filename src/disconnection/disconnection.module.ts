import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { BillingConfigModule } from '../billing-config/billing-config.module';
import { BillingModule } from '../billing/billing.module';
import { DisconnectStatusService } from './disconnect-status.service';
import { DisconnectionController } from './disconnection.controller';
import { DisconnectionService } from './disconnection.service';

/** Disconnecting accounts and their disconnection log. */
@Module({
  imports: [AccountsModule, BillingModule, BillingConfigModule],
  controllers: [DisconnectionController],
  providers: [DisconnectionService, DisconnectStatusService],
  exports: [DisconnectionService],
})
export class DisconnectionModule {}
