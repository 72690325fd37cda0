import { Module } from '@nestjs/common';
import { AccountingIngestionService } from './accounting-ingestion.service';
import { AccountingLog } from './accounting-log';
import { UsageActivities } from './usage.activities';
import { UsageController } from './usage.controller';
import { UsageHistoryService } from './usage-history.service';

/** Subscribers' data usage, read from RADIUS accounting. */
@Module({
  controllers: [UsageController],
  providers: [AccountingLog, AccountingIngestionService, UsageActivities, UsageHistoryService],
  exports: [AccountingIngestionService, UsageActivities],
})
export class UsageModule {}
