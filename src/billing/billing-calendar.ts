import { mulDivRound } from '../common/money';

/**
 * Calendar arithmetic on billing dates. Billing dates are plain `YYYY-MM-DD`
 * strings in the instance's time zone; they are turned into UTC midnights only
 * to count days, so no daylight-saving shift can add or lose a day.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isBillingDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function toUtc(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a billing date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Days from a to b (b exclusive): daysBetween('2026-02-01', '2026-03-01') = 28. */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Same day of the month n months later. Anchor days stop at 28, so no month is too short for them. */
export function addMonths(date: string, months: number): string {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a billing date: ${date}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** A service period: start inclusive, end exclusive. */
export interface Period {
  start: string;
  end: string;
}

/** The service period (one month from the anchor day) that contains the date. */
export function periodContaining(date: string, anchorDay: number): Period {
  if (!Number.isInteger(anchorDay) || anchorDay < 1 || anchorDay > 28) throw new RangeError(`anchor day must be 1..28, got ${anchorDay}`);
  const [y, mo, d] = date.split('-').map(Number);
  let start = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(anchorDay).padStart(2, '0')}`;
  if (d < anchorDay) start = addMonths(start, -1);
  return { start, end: addMonths(start, 1) };
}

export type ProrationRounding = 'cent' | 'unit';

/**
 * The share of a period's charge for `days` of its `periodDays`, rounded half-up
 * to the cent, or to a whole currency unit when the instance bills in units.
 */
export function prorate(amount: number, days: number, periodDays: number, rounding: ProrationRounding): number {
  if (days < 0 || days > periodDays) throw new RangeError(`cannot prorate ${days} of ${periodDays} days`);
  if (days === periodDays) return amount;
  if (rounding === 'unit') return mulDivRound(amount, days, periodDays * 100) * 100;
  return mulDivRound(amount, days, periodDays);
}

/** Inclusive last day of a period, as printed on invoices. */
export function lastDayOf(period: Period): string {
  return addDays(period.end, -1);
}
