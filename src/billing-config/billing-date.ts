import type { Clock } from '../common/clock';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today's calendar date (YYYY-MM-DD) in the instance's billing time zone, from the injected clock. */
export function billingToday(clock: Clock, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    clock.now(),
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A real day written as YYYY-MM-DD (so 2026-02-30 is not one). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
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

/** The days Backhaul accepts for anything dated: wide enough for any business record, narrow enough to catch a typo. */
export const DATE_WINDOW = { first: '2000-01-01', last: '2099-12-31' } as const;

/**
 * Why `value` cannot be the date in `field`, as a field error, or null when it is
 * a calendar day inside the window.
 */
export function dateFieldError(field: string, value: unknown): { field: string; rule: string; message: string } | null {
  if (!isCalendarDate(value)) return { field, rule: 'date', message: `${field} must be a calendar date as YYYY-MM-DD` };
  if (value < DATE_WINDOW.first || value > DATE_WINDOW.last) {
    return { field, rule: 'dateWindow', message: `${field} must be between ${DATE_WINDOW.first} and ${DATE_WINDOW.last}` };
  }
  return null;
}
