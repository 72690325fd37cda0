/**
 * How a billing period is named. Periods run from midnight UTC of the billing day to the next
 * one, whatever the instance's time zone, so their dates are read in UTC: a period is named for
 * the month it starts in ("May" may run May 15 to June 14), and its end is exclusive.
 */

const DAY_MS = 86_400_000;

const utc = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
const shortMonth = utc({ month: 'short' });
const monthYear = utc({ month: 'long', year: 'numeric' });
const dayMonth = utc({ month: 'long', day: 'numeric' });
const dayMonthYear = utc({ month: 'long', day: 'numeric', year: 'numeric' });
const shortDate = utc({ year: 'numeric', month: 'short', day: 'numeric' });
const time = utc({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "May": the month the period starts in, short, for an axis. */
export const periodMonth = (start: string): string => shortMonth.format(new Date(start));

/** "May 2026" */
export const periodMonthYear = (start: string): string => monthYear.format(new Date(start));

/** "May 15 to June 14, 2026": the days the period covers, the last one inclusive. */
export const periodDays = ({ start, end }: { start: string; end: string }): string => {
  const first = new Date(start);
  const last = new Date(new Date(end).getTime() - DAY_MS);
  const sameYear = first.getUTCFullYear() === last.getUTCFullYear();
  return `${(sameYear ? dayMonth : dayMonthYear).format(first)} to ${dayMonthYear.format(last)}`;
};

/** "May 15, 2026 00:00": a period's edge, as an instant in UTC (say so where it is shown). */
export const periodInstant = (iso: string): string => `${shortDate.format(new Date(iso))} ${time.format(new Date(iso))}`;
