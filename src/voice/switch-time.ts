import { EARLIEST_DATE, LATEST_DATE } from '../common/calendar-date';
import { utcOffsetMinutes } from '../usage/local-hour';

// 2026-03-01 10:00:05, with a T or a space, optional fraction, optional offset (Z, +01:00, +0100).
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:\s*(Z|[+-]\d{2}:?\d{2}))?$/i;
const EPOCH_SECONDS = /^(\d{9,10})(\.\d{1,6})?$/;

const EARLIEST = Date.parse(`${EARLIEST_DATE}T00:00:00Z`);
const LATEST = Date.parse(`${LATEST_DATE}T23:59:59.999Z`);

/** Throws unless the zone is one the runtime knows, so a typo fails an import at once, not line by line. */
export function assertTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat('en-US', { timeZone });
}

/**
 * A time as a switch writes it. Without an offset it is a wall-clock time in the switch's zone
 * (Asterisk writes local time unless told to use GMT); an hour repeated when clocks go back is read
 * as its first occurrence. Seconds since 1970 are read too. Null for anything else, for a day
 * that does not exist, and for times outside the dates the product accepts.
 */
export function readSwitchTime(text: string, timeZone: string): Date | null {
  const value = text.trim();
  if (EPOCH_SECONDS.test(value)) return inWindow(Math.round(Number(value) * 1000));
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const ms = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(wall);
  if (
    check.getUTCDate() !== day ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute ||
    second > 59
  ) {
    return null;
  }
  const offset = m[8];
  if (offset) return inWindow(wall - offsetMinutes(offset) * 60_000);
  // A switch logging in UTC (Asterisk's usegmtime) needs no zone worked out at all.
  if (timeZone === 'UTC') return inWindow(wall);
  // Every second of a wall-clock minute has the same offset (zones change on the minute), and a
  // file's calls crowd into the same minutes, so the offset is worked out once a minute.
  const minuteStart = wall - second * 1000 - ms;
  const key = `${timeZone} ${minuteStart}`;
  let offsetMs = offsetOfMinute.get(key);
  if (offsetMs === undefined) {
    offsetMs = minuteStart - wallClockToUtc(minuteStart, timeZone);
    if (offsetOfMinute.size >= MINUTES_KEPT) offsetOfMinute.clear();
    offsetOfMinute.set(key, offsetMs);
  }
  return inWindow(wall - offsetMs);
}

const MINUTES_KEPT = 50_000;
const offsetOfMinute = new Map<string, number>();

const DAY = 86_400_000;

/**
 * The instant a wall-clock time (given as if it were UTC) names in the zone. A zone changes its
 * offset at most once in a day, so the offsets a day either side are the only candidates; the one
 * that gives back its own offset wins, the earlier if both do. In the hour skipped when clocks go
 * forward neither does, and the time is read with the offset from before the change.
 */
function wallClockToUtc(wall: number, timeZone: string): number {
  const before = utcOffsetMinutes(timeZone, new Date(wall - DAY));
  const after = utcOffsetMinutes(timeZone, new Date(wall + DAY));
  if (before === after) return wall - before * 60_000;
  const fits = [before, after]
    .map((offset) => wall - offset * 60_000)
    .filter((t) => wall - utcOffsetMinutes(timeZone, new Date(t)) * 60_000 === t);
  return fits.length ? Math.min(...fits) : wall - before * 60_000;
}

function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const digits = offset.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits[0] === '-' ? -minutes : minutes;
}

function inWindow(ms: number): Date | null {
  return ms >= EARLIEST && ms <= LATEST ? new Date(ms) : null;
}
