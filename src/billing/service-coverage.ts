import { addDays, daysBetween, maxDate, minDate, periodContaining, prorate, ProrationRounding } from './billing-calendar';

/** One line of an account service: the service itself, or one service of a package. Dates are YYYY-MM-DD. */
export interface CoveredLine {
  accountServiceId: number;
  accountId: number;
  serviceId: number;
  addedOn: string;
  /** Exclusive: the first day not yet billed. */
  chargedThrough: string | null;
  prorateOnAdd: boolean;
  anchorDay: number;
  billTiming: 'advance' | 'arrears';
  /** What the line costs for a whole period, and how its part-periods round. */
  periodAmount: number;
  prorationRounding: ProrationRounding;
}

/** A charge or an unused-days credit of one line, for the days from `start` to `end` inclusive. */
export interface CoveringEntry {
  accountServiceId: number;
  serviceId: number;
  start: string;
  end: string;
  kind: 'charge' | 'credit';
  /** A charge undone by a reversal (its invoice voided, or reversed by hand). */
  reversed: boolean;
}

export interface CoverageGap {
  accountServiceId: number;
  accountId: number;
  serviceId: number;
  /** Inclusive days. */
  from: string;
  to: string;
  /** How many charges still standing (net of credits) cover those days. */
  times: number;
  /** How many they should have. */
  expected: string;
}

const key = (accountServiceId: number, serviceId: number) => `${accountServiceId}:${serviceId}`;

/** Days (from inclusive, to exclusive) whose prorated charge rounds to nothing in every period they touch: billing wrote no charge for them. */
function roundsToNothing(line: CoveredLine, from: string, to: string): boolean {
  for (let period = periodContaining(from, line.anchorDay); period.start < to; period = periodContaining(period.end, line.anchorDay)) {
    const days = daysBetween(maxDate(from, period.start), minDate(to, period.end));
    if (prorate(line.periodAmount, days, daysBetween(period.start, period.end), line.prorationRounding) > 0) return false;
  }
  return true;
}

/**
 * Every day a line was billed for must be charged exactly once: from the day it was
 * added up to the day before its charged-through date, one charge standing, or a
 * charge and its reversal; after that, nothing that was not credited or reversed. In advance billing, a line added in the middle of a
 * period without proration rides free until the next period starts, so those days
 * may stay uncharged, but never charged twice. Returns the runs of days that break it.
 */
export function coverageGaps(lines: CoveredLine[], entries: CoveringEntry[]): CoverageGap[] {
  const byLine = new Map<string, CoveringEntry[]>();
  for (const e of entries) {
    const k = key(e.accountServiceId, e.serviceId);
    const list = byLine.get(k);
    if (list) list.push(e);
    else byLine.set(k, [e]);
  }
  const gaps: CoverageGap[] = [];
  for (const line of lines) {
    const mine = byLine.get(key(line.accountServiceId, line.serviceId)) ?? [];
    const billedUntil = line.chargedThrough !== null && line.chargedThrough > line.addedOn ? line.chargedThrough : line.addedOn;
    const firstPeriod = periodContaining(line.addedOn, line.anchorDay);
    const freeUntil =
      line.billTiming === 'advance' && !line.prorateOnAdd && line.addedOn !== firstPeriod.start ? firstPeriod.end : line.addedOn;
    // Cut the calendar at every date where the expectation or a count can change, then judge each piece whole.
    const cuts = new Set<string>([line.addedOn, billedUntil, freeUntil]);
    for (const e of mine) {
      cuts.add(e.start);
      cuts.add(addDays(e.end, 1));
    }
    const points = [...cuts].sort();
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i];
      const to = points[i + 1];
      const covering = mine.filter((e) => e.start <= from && addDays(e.end, 1) >= to);
      const credits = covering.filter((e) => e.kind === 'credit').length;
      const times = covering.filter((e) => e.kind === 'charge' && !e.reversed).length - credits;
      const reversed = covering.filter((e) => e.kind === 'charge' && e.reversed).length;
      let expected: number[];
      if (from < line.addedOn || from >= billedUntil) expected = [0];
      else if (from < freeUntil) expected = [0, 1];
      // A charge and its reversal also account for the days: the correction is on record.
      else expected = times === 0 && reversed > 0 ? [0] : [1];
      if (expected.includes(times) || (times === 0 && roundsToNothing(line, from, to))) continue;
      const last = gaps[gaps.length - 1];
      const wanted = expected.join(' or ');
      if (
        last &&
        last.accountServiceId === line.accountServiceId &&
        last.serviceId === line.serviceId &&
        last.times === times &&
        last.expected === wanted &&
        addDays(last.to, 1) === from
      ) {
        last.to = addDays(to, -1);
      } else {
        gaps.push({
          accountServiceId: line.accountServiceId,
          accountId: line.accountId,
          serviceId: line.serviceId,
          from,
          to: addDays(to, -1),
          times,
          expected: wanted,
        });
      }
    }
  }
  return gaps;
}
