import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { NetworkSyncModule } from '../network-sync/network-sync.module';
import { NasDevicesService } from './nas-devices.service';
import { RadiusAccountsService } from './radius-accounts.service';
import { RadiusController } from './radius.controller';

@Module({
  imports: [AccountsModule, NetworkSyncModule],
  controllers: [RadiusController],
  providers: [RadiusAccountsService, NasDevicesService],
  exports: [RadiusAccountsService, NasDevicesService],
})
export class RadiusModule {}
