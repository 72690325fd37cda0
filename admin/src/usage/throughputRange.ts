import { localToday } from '../billing/common/dates';
import { hourlyOctetsToKbps } from './formatOctets';
import type { UsageHour } from './types';

const HOUR_MS = 3_600_000;
/** The API reads at most this many days of hours at once. */
const MAX_RANGE_DAYS = 93;

export type Zoom = 'range' | 'last4h';

/** Calendar days chosen in the browser's time zone; `to` empty for a single day. */
export interface DayRange {
  from: string;
  to: string;
}

const localMidnight = (day: string): Date => {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
};

/** The last week, today included. */
export const lastWeek = (now = new Date()): DayRange => ({
  from: localToday(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 6)),
  to: localToday(now),
});

/** The instants the days cover (the last day whole), or why they cannot be shown. */
export const rangeInstants = (range: DayRange): { from: Date; to: Date } | { problem: string } => {
  if (!range.from) return { problem: 'Choose a day' };
  const from = localMidnight(range.from);
  const last = localMidnight(range.to || range.from);
  const to = new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1);
  if (to <= from) return { problem: 'The last day must not be before the first' };
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) return { problem: `At most ${MAX_RANGE_DAYS} days at once` };
  return { from, to };
};

export interface ThroughputPoint {
  hour: Date;
  download: number;
  upload: number;
  downloadOctets: string;
  uploadOctets: string;
}

/**
 * Every hour of the range up to now, as average rates in kbps: the API leaves out hours without
 * traffic, and they are drawn as zero; the hour under way counts once traffic is in it. `last4h`
 * keeps the four hours before the range's end (or now).
 */
export const throughputPoints = (hours: UsageHour[], from: Date, to: Date, zoom: Zoom, now = new Date()): ThroughputPoint[] => {
  const byHour = new Map(hours.map((h) => [new Date(h.hour).getTime(), h]));
  const thisHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const end = Math.min(to.getTime(), byHour.has(thisHour) ? thisHour + HOUR_MS : thisHour);
  const first = Math.floor(from.getTime() / HOUR_MS) * HOUR_MS;
  const start = zoom === 'last4h' ? Math.max(first, end - 4 * HOUR_MS) : first;
  const points: ThroughputPoint[] = [];
  for (let t = start; t < end; t += HOUR_MS) {
    const h = byHour.get(t);
    points.push({
      hour: new Date(t),
      download: h ? hourlyOctetsToKbps(h.download) : 0,
      upload: h ? hourlyOctetsToKbps(h.upload) : 0,
      downloadOctets: h?.download ?? '0',
      uploadOctets: h?.upload ?? '0',
    });
  }
  return points;
};
