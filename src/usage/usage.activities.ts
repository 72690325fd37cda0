import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { Activity } from '../temporal/activity.decorator';
import { AccountingIngestionService, INGESTION_BATCH } from './accounting-ingestion.service';

/** Activities of the accounting ingestion; each is safe to repeat. */
@Injectable()
export class UsageActivities {
  constructor(private readonly ingestion: AccountingIngestionService) {}

  /** Counts the next batch of accounting events; `more` when the batch was full and another may wait. */
  @Activity()
  async ingestAccounting(): Promise<{ events: number; lastEventId: number; more: boolean }> {
    const report = await this.ingestion.ingestBatch({ onEventsRead: () => Context.current().heartbeat() });
    return { ...report, more: report.events >= INGESTION_BATCH };
  }
}
