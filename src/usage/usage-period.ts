/** One usage period: from the start (inclusive) to the end (exclusive), both at midnight UTC. */
export interface UsagePeriod {
  start: Date;
  end: Date;
}

const midnightUtc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day));

/**
 * The usage period holding `at`: from the account's anchor day (its billing day, 1 to 28) to the
 * same day of the next month. It turns at midnight UTC whatever the instance's time zone, so an
 * hour of usage (kept in UTC) belongs to exactly one period.
 */
export function usagePeriodAt(anchorDay: number, at: Date): UsagePeriod {
  if (!Number.isInteger(anchorDay) || anchorDay < 1 || anchorDay > 28) throw new RangeError(`anchor day ${anchorDay} is not 1 to 28`);
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  const start = at.getUTCDate() >= anchorDay ? midnightUtc(year, month, anchorDay) : midnightUtc(year, month - 1, anchorDay);
  return { start, end: midnightUtc(start.getUTCFullYear(), start.getUTCMonth() + 1, anchorDay) };
}

/** The period's first and last day (YYYY-MM-DD), as charges and their descriptions name it. */
export function periodDays(period: UsagePeriod): { first: string; last: string } {
  return { first: period.start.toISOString().slice(0, 10), last: new Date(period.end.getTime() - 86_400_000).toISOString().slice(0, 10) };
}

/** The period holding `at` and the `count - 1` before it, newest first. */
export function usagePeriodsBack(anchorDay: number, at: Date, count: number): UsagePeriod[] {
  const periods: UsagePeriod[] = [];
  let period = usagePeriodAt(anchorDay, at);
  for (let i = 0; i < count; i++) {
    periods.push(period);
    period = usagePeriodAt(anchorDay, new Date(period.start.getTime() - 1));
  }
  return periods;
}
