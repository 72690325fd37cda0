import { incrementsProblem } from './billed-duration';

export type CallDirection = 'inbound' | 'outbound';

export const CALL_DIRECTIONS: readonly CallDirection[] = ['inbound', 'outbound'];

/** One destination of a rate deck: calls whose number starts with `prefix` cost this much. */
export interface RateDeckRow {
  /** Leading digits of the E.164 number, country code first, without the +. */
  prefix: string;
  description: string;
  direction: CallDirection;
  ratePerMinuteMicro: number;
  minimumSeconds: number;
  incrementSeconds: number;
  /** The first moment the row applies; without one it always has. */
  effectiveFrom?: Date;
}

/** E.164 allows 15 digits, so no prefix is longer. */
export const MAX_PREFIX_DIGITS = 15;
const PREFIX = /^\d{1,15}$/;

export function rateRowProblem(row: RateDeckRow): string | null {
  if (!PREFIX.test(row.prefix)) return `prefix must be 1 to ${MAX_PREFIX_DIGITS} digits, got ${JSON.stringify(row.prefix)}`;
  if (row.direction !== 'inbound' && row.direction !== 'outbound') {
    return `direction must be inbound or outbound, got ${JSON.stringify(row.direction)}`;
  }
  if (!Number.isSafeInteger(row.ratePerMinuteMicro) || row.ratePerMinuteMicro < 0) {
    return `a rate is a whole, non-negative number of micro-units, got ${row.ratePerMinuteMicro}`;
  }
  if (row.effectiveFrom !== undefined && Number.isNaN(row.effectiveFrom.getTime())) return 'effectiveFrom is not a date';
  return incrementsProblem(row);
}

/**
 * A rate plan's deck, ready for look-ups. The rate for a call is the row, of the call's direction,
 * with the longest prefix of the called number; rows not yet in effect at the call's start are
 * passed over, so a longer prefix that starts next month leaves this month's calls to a shorter one.
 */
export class RateDeck {
  // Per direction, per prefix: the rows, latest effectiveFrom first (a row without one last).
  private readonly byDirection = new Map<CallDirection, Map<string, RateDeckRow[]>>(CALL_DIRECTIONS.map((d) => [d, new Map()]));
  private longestPrefix = 0;

  constructor(rows: readonly RateDeckRow[]) {
    for (const row of rows) {
      const problem = rateRowProblem(row);
      if (problem) throw new RangeError(`rate deck row ${row.prefix} ${row.direction}: ${problem}`);
      const byPrefix = this.byDirection.get(row.direction)!;
      const same = byPrefix.get(row.prefix) ?? [];
      if (same.some((other) => other.effectiveFrom?.getTime() === row.effectiveFrom?.getTime())) {
        throw new RangeError(`rate deck has prefix ${row.prefix} ${row.direction} twice from the same date`);
      }
      same.push(row);
      same.sort((a, b) => since(b) - since(a));
      byPrefix.set(row.prefix, same);
      this.longestPrefix = Math.max(this.longestPrefix, row.prefix.length);
    }
  }

  /** The row that rates a call to `number` (E.164 digits) in `direction` starting at `at`, if any. */
  rateFor(direction: CallDirection, number: string, at: Date): RateDeckRow | undefined {
    const byPrefix = this.byDirection.get(direction)!;
    for (let length = Math.min(this.longestPrefix, number.length); length > 0; length--) {
      const rows = byPrefix.get(number.slice(0, length));
      const inEffect = rows?.find((row) => since(row) <= at.getTime());
      if (inEffect) return inEffect;
    }
    return undefined;
  }
}

function since(row: RateDeckRow): number {
  return row.effectiveFrom?.getTime() ?? Number.NEGATIVE_INFINITY;
}
