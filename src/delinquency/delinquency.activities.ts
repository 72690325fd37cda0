import { Injectable } from '@nestjs/common';
import { DelinquencyRunSummary, DelinquencyService } from './delinquency.service';

/** Activities of delinquency; the worker registers these bound methods. */
@Injectable()
export class DelinquencyActivities {
  constructor(private readonly delinquency: DelinquencyService) {}

  /** Run daily with the run's date; safe to repeat for the same date. */
  async runDelinquency(input: { date: string }): Promise<DelinquencyRunSummary> {
    return this.delinquency.runForDate(input.date);
  }
}
