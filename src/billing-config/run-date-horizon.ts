import type { Clock } from '../common/clock';
import { EARLIEST_DATE, isDateInWindow, LATEST_DATE } from '../common/calendar-date';
import { BadInputException } from '../common/errors';
import type { AppConfig } from '../config/app-config';
import { addCalendarDays, billingToday } from './billing-date';

/**
 * The dates a bill or autopay run may be started for: any real day in the accepted
 * window up to RUN_DATE_HORIZON_DAYS after today. A run far in the future would
 * invoice or charge for months nobody has reached, so it is refused rather than
 * queued; late runs for past dates stay allowed.
 */
export function assertRunDate(date: string, clock: Clock, config: Pick<AppConfig, 'BILLING_TIME_ZONE' | 'RUN_DATE_HORIZON_DAYS'>): void {
  if (!isDateInWindow(date)) {
    throw new BadInputException([
      { field: 'date', rule: 'date', message: `date must be a calendar date as YYYY-MM-DD between ${EARLIEST_DATE} and ${LATEST_DATE}` },
    ]);
  }
  const latest = addCalendarDays(billingToday(clock, config.BILLING_TIME_ZONE), config.RUN_DATE_HORIZON_DAYS);
  if (date > latest) {
    throw new BadInputException([
      {
        field: 'date',
        rule: 'horizon',
        message: `date must be on or before ${latest}: a run may start at most ${config.RUN_DATE_HORIZON_DAYS} days ahead`,
      },
    ]);
  }
}
