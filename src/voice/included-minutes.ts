import type { CallDirection } from './rate-deck';

/** Which calls draw on a voice service's included minutes. */
export type IncludedMinutesScope = 'all' | 'outbound';

export interface CallDrawingAllowance {
  identity: string;
  start: Date;
  direction: CallDirection;
  billedSeconds: number;
}

export interface AllowanceDraw<T> {
  call: T;
  /** The first seconds of the call, free because the allowance still had them. */
  includedSeconds: number;
  /** The rest, charged at the call's rate. */
  chargedSeconds: number;
}

/**
 * Spends a period's included seconds on its calls in the order they started (ties by identity, so
 * a re-run gives the same answer), measured in billed seconds. A call that runs past what is left
 * has its first seconds included and the rest charged; the minimum and increments stay those of
 * the whole call. Calls outside the scope (inbound ones on an outbound-only service) draw nothing.
 * The draws come back in that same start order.
 */
export function drawIncludedSeconds<T extends CallDrawingAllowance>(
  calls: readonly T[],
  includedSeconds: number,
  scope: IncludedMinutesScope,
): AllowanceDraw<T>[] {
  if (!Number.isSafeInteger(includedSeconds) || includedSeconds < 0) {
    throw new RangeError(`included seconds must be a whole number ≥ 0, got ${includedSeconds}`);
  }
  let left = includedSeconds;
  return [...calls].sort(byStart).map((call) => {
    const draws = scope === 'all' || call.direction === 'outbound';
    const included = draws ? Math.min(left, call.billedSeconds) : 0;
    left -= included;
    return { call, includedSeconds: included, chargedSeconds: call.billedSeconds - included };
  });
}

function byStart(a: CallDrawingAllowance, b: CallDrawingAllowance): number {
  return a.start.getTime() - b.start.getTime() || (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0);
}
