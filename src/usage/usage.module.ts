import { Module } from '@nestjs/common';
import { AccountingIngestionService } from './accounting-ingestion.service';
import { AccountingLog } from './accounting-log';
import { UsageActivities } from './usage.activities';

/** Subscribers' data usage, read from RADIUS accounting. */
@Module({
  providers: [AccountingLog, AccountingIngestionService, UsageActivities],
  exports: [AccountingIngestionService, UsageActivities],
})
export class UsageModule {}
