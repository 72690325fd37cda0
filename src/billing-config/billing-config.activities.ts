import { Injectable } from '@nestjs/common';
import { AccountingPeriodService } from './accounting-period.service';
import { Activity } from '../temporal/activity.decorator';

/** Activities of billing configuration; the worker registers these bound methods. */
@Injectable()
export class BillingConfigActivities {
  constructor(private readonly period: AccountingPeriodService) {}

  /** Run daily with the run's date; closes last month once its waiting days are over. Returns the new close date or null. */
  @Activity()
  async autoCloseAccountingPeriod(input: { today: string }): Promise<string | null> {
    return this.period.autoCloseIfDue(input.today);
  }
}
