const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const formats = new Map<string, Intl.DateTimeFormat>();

/** Minutes the zone is ahead of UTC at the instant. */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const part: Record<string, number> = {};
  for (const p of format.formatToParts(at)) if (p.type !== 'literal') part[p.type] = Number(p.value);
  const asUtc = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute);
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** From `from` on, hours starting at or after it take this offset (until the next segment). */
export interface OffsetSegment {
  from: Date;
  offsetMinutes: number;
}

/**
 * The zone's offsets over the hours from `from` to `to`: one segment, or one more for each
 * daylight-saving change between. Days are stepped, then the changing day is searched by hour.
 */
export function offsetSegments(timeZone: string, from: Date, to: Date): OffsetSegment[] {
  const start = Math.floor(from.getTime() / HOUR) * HOUR;
  const segments: OffsetSegment[] = [{ from: new Date(start), offsetMinutes: utcOffsetMinutes(timeZone, new Date(start)) }];
  for (let day = start; day < to.getTime(); day += DAY) {
    const last = segments[segments.length - 1].offsetMinutes;
    const next = Math.min(day + DAY, Math.ceil(to.getTime() / HOUR) * HOUR);
    if (utcOffsetMinutes(timeZone, new Date(next)) === last) continue;
    let lo = day; // offset `last`
    let hi = next; // a different offset
    while (hi - lo > HOUR) {
      const mid = lo + Math.floor((hi - lo) / HOUR / 2) * HOUR;
      if (utcOffsetMinutes(timeZone, new Date(mid)) === last) lo = mid;
      else hi = mid;
    }
    segments.push({ from: new Date(hi), offsetMinutes: utcOffsetMinutes(timeZone, new Date(hi)) });
  }
  return segments;
}

/**
 * SQL for the local hour of day (0 to 23) at which the UTC hour in `column` starts, in the zone,
 * over a range whose offsets are `segments`. MariaDB's own zone tables are often not loaded, so
 * the offsets are worked out here and handed over as numbers.
 */
export function localHourSql(column: string, segments: OffsetSegment[]): { sql: string; params: unknown[] } {
  if (segments.length === 1) return { sql: `HOUR(DATE_ADD(${column}, INTERVAL ? MINUTE))`, params: [segments[0].offsetMinutes] };
  const params: unknown[] = [];
  const branches = segments
    .slice(1)
    .reverse()
    .map((s) => {
      params.push(s.from, s.offsetMinutes);
      return `WHEN ${column} >= ? THEN ?`;
    });
  params.push(segments[0].offsetMinutes);
  return { sql: `HOUR(DATE_ADD(${column}, INTERVAL CASE ${branches.join(' ')} ELSE ? END MINUTE))`, params };
}
