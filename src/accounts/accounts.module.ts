import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountGroup } from './account-group.entity';
import { AccountLockService } from './account-lock.service';
import { AccountSearchIndexer } from './account-search.indexer';
import { AccountStatus } from './account-status.entity';
import { AccountType } from './account-type.entity';
import { Account } from './account.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Account, AccountType, AccountStatus, AccountGroup])],
  providers: [AccountLockService, AccountSearchIndexer],
  exports: [AccountLockService, AccountSearchIndexer],
})
export class AccountsModule {}
