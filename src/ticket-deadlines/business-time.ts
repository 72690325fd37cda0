/**
 * Business time: the clock that ticket targets run on. It runs only while the helpdesk is open
 * (the weekly opening hours, in the instance's time zone) and stops on holidays. Pure: no
 * database, no "now"; everything it needs is handed in.
 *
 * An interval is a wall-clock span of one weekday; it never crosses midnight (a night shift is
 * written as two intervals, to 24:00 and from 00:00). Wall times are turned into instants per day,
 * so a daylight-saving change is counted as the real time it is: an evening open 00:00 to 24:00
 * on the night the clocks go forward holds 23 hours, on the night they go back 25.
 */

/** ISO weekday: 1 is Monday, 7 is Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface OpenInterval {
  weekday: IsoWeekday;
  /** Minutes after local midnight, 0 to 1439. */
  opensMinute: number;
  /** Minutes after local midnight, after opensMinute; 1440 is the end of the day. */
  closesMinute: number;
}

export interface BusinessCalendar {
  /** IANA zone, e.g. `Europe/London`. */
  timeZone: string;
  /** The weekly hours; none at all means the clock runs all day every day (holidays still stop it). */
  hours: OpenInterval[];
  /** Whole local days on which the clock stops, as `YYYY-MM-DD`. */
  holidays: string[];
}

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;
/** Past this many days without finding the time asked for, the calendar is taken as broken. */
const SEARCH_DAYS = 3660;

const ALL_DAY: OpenInterval[] = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, opensMinute: 0, closesMinute: DAY_MINUTES }));

/** Why an interval cannot be one, or null when it is fine. */
export function intervalProblem(interval: OpenInterval): string | null {
  const { weekday, opensMinute, closesMinute } = interval;
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) return 'the weekday must be 1 (Monday) to 7 (Sunday)';
  if (!Number.isInteger(opensMinute) || opensMinute < 0 || opensMinute >= DAY_MINUTES) return 'the opening time must be within the day';
  if (!Number.isInteger(closesMinute) || closesMinute < 1 || closesMinute > DAY_MINUTES) return 'the closing time must be within the day';
  if (closesMinute <= opensMinute) return 'closes before it opens: an interval may not cross midnight; split it at 24:00 instead';
  return null;
}

/** `HH:MM` (00:00 to 24:00) as minutes after midnight, or null when it is not a time of day. */
export function minutesOfClock(text: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= DAY_MINUTES ? minutes : null;
}

/** Minutes after midnight as `HH:MM`. */
export function clockOfMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, f);
  }
  return f;
}

function wallParts(
  timeZone: string,
  atMs: number,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const part: Record<string, number> = {};
  for (const p of format(timeZone).formatToParts(new Date(atMs))) if (p.type !== 'literal') part[p.type] = Number(p.value);
  return { year: part.year, month: part.month, day: part.day, hour: part.hour, minute: part.minute, second: part.second };
}

/** Milliseconds the zone's wall clock is ahead of UTC at the instant. */
function offsetMs(timeZone: string, atMs: number): number {
  const p = wallParts(timeZone, atMs);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(atMs / 1000) * 1000;
}

/** The local calendar day of an instant, as `YYYY-MM-DD`. */
export function localDate(at: Date, timeZone: string): string {
  const p = wallParts(timeZone, at.getTime());
  return isoDate(Date.UTC(p.year, p.month - 1, p.day));
}

function isoDate(utcMidnightMs: number): string {
  return new Date(utcMidnightMs).toISOString().slice(0, 10);
}

function dayStartMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function isoWeekday(date: string): IsoWeekday {
  const day = new Date(dayStartMs(date)).getUTCDay();
  return (day === 0 ? 7 : day) as IsoWeekday;
}

/**
 * The instant the wall clock shows `minute` minutes after midnight of `date` (1440: the next
 * midnight). A wall time the clocks skip (spring forward) is the moment they jump; a wall time
 * they show twice (fall back) is its first showing.
 */
export function instantOfWallTime(date: string, minute: number, timeZone: string): number {
  const wall = dayStartMs(date) + minute * MINUTE_MS;
  const guess = wall - offsetMs(timeZone, wall);
  const offset = offsetMs(timeZone, guess);
  const candidate = wall - offset;
  if (offsetMs(timeZone, candidate) === offset) {
    // An earlier showing of the same wall time wins (fall back).
    const earlier = wall - offsetMs(timeZone, candidate - 3 * 3_600_000);
    if (earlier < candidate && offsetMs(timeZone, earlier) === wall - earlier) return earlier;
    return candidate;
  }
  // Skipped: the clocks jump somewhere between the two readings; find the minute they do.
  let lo = Math.min(candidate, guess);
  let hi = Math.max(candidate, guess);
  const before = offsetMs(timeZone, lo);
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / MINUTE_MS / 2) * MINUTE_MS;
    if (offsetMs(timeZone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

function hoursByWeekday(hours: OpenInterval[]): Map<IsoWeekday, OpenInterval[]> {
  const byDay = new Map<IsoWeekday, OpenInterval[]>();
  for (const interval of hours.length ? hours : ALL_DAY) {
    const problem = intervalProblem(interval);
    if (problem) throw new RangeError(`Opening hours: ${problem}`);
    byDay.set(interval.weekday, [...(byDay.get(interval.weekday) ?? []), interval]);
  }
  for (const list of byDay.values()) list.sort((a, b) => a.opensMinute - b.opensMinute);
  return byDay;
}

/** The open spans of one local day as instants, in order, overlaps merged. */
function openSpans(date: string, byDay: Map<IsoWeekday, OpenInterval[]>, holidays: Set<string>, timeZone: string): [number, number][] {
  if (holidays.has(date)) return [];
  const spans: [number, number][] = [];
  for (const interval of byDay.get(isoWeekday(date)) ?? []) {
    const from = instantOfWallTime(date, interval.opensMinute, timeZone);
    const to = instantOfWallTime(date, interval.closesMinute, timeZone);
    const last = spans[spans.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else if (to > from) spans.push([from, to]);
  }
  return spans;
}

/**
 * The instant `seconds` of business time after `start`: the clock runs only inside open spans.
 * A start outside the hours waits for the next opening; zero seconds is the start itself.
 */
export function addBusinessTime(start: Date, seconds: number, calendar: BusinessCalendar): Date {
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new RangeError(`A duration of business time must be zero or more seconds, not ${seconds}`);
  const startMs = start.getTime();
  if (!Number.isFinite(startMs)) throw new RangeError('The start is not a time');
  const byDay = hoursByWeekday(calendar.hours);
  if (seconds === 0) return new Date(startMs);
  const holidays = new Set(calendar.holidays);
  if (!calendar.hours.length && !holidays.size) return new Date(startMs + seconds * 1000);

  let remainingMs = seconds * 1000;
  let date = localDate(start, calendar.timeZone);
  for (let n = 0; n < SEARCH_DAYS; n++) {
    for (const [from, to] of openSpans(date, byDay, holidays, calendar.timeZone)) {
      const begin = Math.max(from, startMs);
      if (begin >= to) continue;
      if (remainingMs <= to - begin) return new Date(begin + remainingMs);
      remainingMs -= to - begin;
    }
    date = isoDate(dayStartMs(date) + 86_400_000);
  }
  throw new RangeError(`The calendar has no open time within ${SEARCH_DAYS} days of ${start.toISOString()}`);
}

/** Whether the clock runs at the instant. */
export function isOpenAt(at: Date, calendar: BusinessCalendar): boolean {
  const date = localDate(at, calendar.timeZone);
  const spans = openSpans(date, hoursByWeekday(calendar.hours), new Set(calendar.holidays), calendar.timeZone);
  return spans.some(([from, to]) => at.getTime() >= from && at.getTime() < to);
}
