import { Module } from '@nestjs/common';
import { AddressListsController } from './address-lists.controller';
import { AddressListsService } from './address-lists.service';

@Module({
  controllers: [AddressListsController],
  providers: [AddressListsService],
})
export class AddressListsModule {}
