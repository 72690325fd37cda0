import type { Clock } from '../common/clock';
import { EARLIEST_DATE, isCalendarDate, isDateInWindow, LATEST_DATE } from '../common/calendar-date';

export { isCalendarDate };

/** One formatter per time zone: making one costs far more than using it, and billing asks for today thousands of times a run. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** Today's calendar date (YYYY-MM-DD) in the instance's billing time zone, from the injected clock. */
export function billingToday(clock: Clock, timeZone: string): string {
  const parts = dayFormat(timeZone).formatToParts(clock.now());
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** The last day of the month before the one holding `date`. */
export function endOfPreviousMonth(date: string): string {
  const d = toUtc(date);
  return fromUtc(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0)));
}

/** ISO weekday of a calendar date: 1 = Monday .. 7 = Sunday. */
export function isoWeekday(date: string): number {
  return toUtc(date).getUTCDay() || 7;
}

/** Why `value` cannot be the date in `field`, worded as the request validator words it, or null when it is fine. */
export function dateFieldError(field: string, value: unknown): { field: string; rule: string; message: string } | null {
  if (isDateInWindow(value)) return null;
  return { field, rule: 'date', message: `${field} must be a calendar date as YYYY-MM-DD between ${EARLIEST_DATE} and ${LATEST_DATE}` };
}
