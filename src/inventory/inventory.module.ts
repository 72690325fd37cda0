import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { InventoryCatalogService } from './inventory-catalog.service';
import { InventoryController } from './inventory.controller';
import { InventoryItemsService } from './inventory-items.service';

@Module({
  imports: [AccountsModule],
  controllers: [InventoryController],
  providers: [InventoryCatalogService, InventoryItemsService],
  exports: [InventoryItemsService],
})
export class InventoryModule {}
