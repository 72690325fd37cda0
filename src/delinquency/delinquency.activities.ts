import { Injectable } from '@nestjs/common';
import { DelinquencyRunSummary, DelinquencyService } from './delinquency.service';
import { Activity } from '../temporal/activity.decorator';

/** Activities of delinquency; the worker registers these bound methods. */
@Injectable()
export class DelinquencyActivities {
  constructor(private readonly delinquency: DelinquencyService) {}

  /** Run daily with the run's date; safe to repeat for the same date. */
  @Activity()
  async runDelinquency(input: { date: string }): Promise<DelinquencyRunSummary> {
    return this.delinquency.runForDate(input.date);
  }
}
