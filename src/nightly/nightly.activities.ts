import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { NightlyRunRecordsService, NightlyStep } from './nightly-run-records.service';
import { Activity } from '../temporal/activity.decorator';

export interface OpenNightlyRunInput {
  step: NightlyStep;
  date: string;
  workflowId: string;
  startedBy: number | null;
  /** Look for missed nights before this one (the whole night only). */
  catchUp: boolean;
  caughtUpBy: string | null;
}

export interface OpenedNightlyRun {
  /** The process already completed for that date (a record older than Temporal's memory of it): nothing to do. */
  alreadyCompleted: boolean;
  missedDates: string[];
  /** The worker's `BILL_RUN_BATCH_SIZE`, the same setting a bill run started from the API is given. */
  billRunBatchSize: number;
}

/** Activities of the nightly processes; the worker registers these bound methods. */
@Injectable()
export class NightlyActivities {
  constructor(
    private readonly records: NightlyRunRecordsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Activity()
  async openNightlyRun(input: OpenNightlyRunInput): Promise<OpenedNightlyRun> {
    const billRunBatchSize = this.config.BILL_RUN_BATCH_SIZE;
    const existing = await this.records.find(input.step, input.date);
    if (existing?.status === 'completed') return { alreadyCompleted: true, missedDates: [], billRunBatchSize };
    const missedDates = input.catchUp && input.step === 'nightly' ? await this.records.missedBefore(input.date) : [];
    await this.records.open(input);
    return { alreadyCompleted: false, missedDates, billRunBatchSize };
  }

  @Activity()
  async closeNightlyRun(input: {
    step: NightlyStep;
    date: string;
    status: 'completed' | 'failed';
    summary: Record<string, unknown> | null;
  }): Promise<void> {
    await this.records.close(input);
  }
}
