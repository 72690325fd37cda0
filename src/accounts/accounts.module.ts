import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomFieldsModule } from '../custom-fields/custom-fields.module';
import { AccountGroup } from './account-group.entity';
import { AccountLockService } from './account-lock.service';
import { AccountStatusWriter } from './account-status-writer';
import { AccountGroupsController, AccountStatusesController, AccountTypesController } from './account-lookups.controller';
import { AccountLookupsService } from './account-lookups.service';
import { AccountSearchIndexer } from './account-search.indexer';
import { AccountSearchService } from './account-search.service';
import { AccountStatus } from './account-status.entity';
import { AccountType } from './account-type.entity';
import { Account } from './account.entity';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';

@Module({
  imports: [TypeOrmModule.forFeature([Account, AccountType, AccountStatus, AccountGroup]), CustomFieldsModule],
  controllers: [AccountTypesController, AccountStatusesController, AccountGroupsController, AccountsController],
  providers: [AccountLockService, AccountStatusWriter, AccountSearchIndexer, AccountLookupsService, AccountsService, AccountSearchService],
  exports: [AccountLockService, AccountStatusWriter, AccountSearchIndexer, AccountsService],
})
export class AccountsModule {}
