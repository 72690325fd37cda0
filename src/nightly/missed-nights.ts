import { addCalendarDays } from '../billing-config/billing-date';

/** Missed nights older than this are left for an operator to run by hand, so a stale record cannot start a flood of runs. */
export const MAX_CATCH_UP_NIGHTS = 31;

/**
 * The nights between the last completed one and `date` (both excluded), oldest
 * first: what the night of `date` runs before its own. None when no night has
 * completed yet, since there is nothing to measure a gap from; at most the newest
 * `limit` of them.
 */
export function missedNights(lastCompleted: string | null, date: string, limit = MAX_CATCH_UP_NIGHTS): string[] {
  if (lastCompleted === null || lastCompleted >= date) return [];
  const nights: string[] = [];
  for (let night = addCalendarDays(date, -1); night > lastCompleted && nights.length < limit; night = addCalendarDays(night, -1)) {
    nights.push(night);
  }
  return nights.reverse();
}
