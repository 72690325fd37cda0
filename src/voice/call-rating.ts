import { billedSeconds } from './billed-duration';
import { drawIncludedSeconds, type CallDrawingAllowance, type IncludedMinutesScope } from './included-minutes';
import { chargeMicroSeconds, lineCents } from './money-micro';
import type { CallDirection, RateDeck, RateDeckRow } from './rate-deck';

/** What rating needs of a call: who it is, when it started, where it went and how long it talked. */
export interface CallToRate {
  identity: string;
  start: Date;
  direction: CallDirection;
  /** The called number, E.164 digits without the +: the destination the deck is keyed on. */
  to: string;
  /** Talk time the switch reports (after answer), before the rate's minimum and increments. */
  durationSeconds: number;
}

export interface VoiceAllowance {
  includedMinutes: number;
  scope: IncludedMinutesScope;
}

export interface RatedCall<T extends CallToRate = CallToRate> {
  call: T;
  rate: RateDeckRow;
  billedSeconds: number;
  includedSeconds: number;
  chargedSeconds: number;
  /** chargedSeconds × the rate's micro-units a minute; exact, never rounded on its own. */
  chargeMicroSeconds: bigint;
}

export interface UnratedCall<T extends CallToRate = CallToRate> {
  call: T;
  reason: 'no_rate';
  message: string;
}

/** The figures of one invoice line: its calls' exact charges summed, then rounded to cents once. */
export interface LineTotals {
  calls: number;
  billedSeconds: number;
  includedSeconds: number;
  chargedSeconds: number;
  chargeMicroSeconds: bigint;
  cents: number;
}

export interface PeriodRating<T extends CallToRate = CallToRate> {
  /** In start order, the order the included minutes were spent in. */
  rated: RatedCall<T>[];
  unrated: UnratedCall<T>[];
  totals: LineTotals;
}

/**
 * Rates one voice service's calls for one period: each call finds its deck row and billed
 * seconds, the included minutes go to the earliest calls, and what is left is charged. A call
 * the deck has no row for is set aside with the reason and draws nothing.
 */
export function ratePeriod<T extends CallToRate>(calls: readonly T[], deck: RateDeck, allowance: VoiceAllowance): PeriodRating<T> {
  if (!Number.isSafeInteger(allowance.includedMinutes) || allowance.includedMinutes < 0) {
    throw new RangeError(`included minutes must be a whole number ≥ 0, got ${allowance.includedMinutes}`);
  }
  const unrated: UnratedCall<T>[] = [];
  const priced: PricedCall<T>[] = [];
  for (const call of calls) {
    const rate = deck.rateFor(call.direction, call.to, call.start);
    if (!rate) {
      unrated.push({ call, reason: 'no_rate', message: `no ${call.direction} rate for +${call.to}` });
      continue;
    }
    const { identity, start, direction } = call;
    priced.push({ call, rate, identity, start, direction, billedSeconds: billedSeconds(call.durationSeconds, rate) });
  }
  const rated = drawIncludedSeconds(priced, allowance.includedMinutes * 60, allowance.scope).map(
    ({ call: { call, rate, billedSeconds }, includedSeconds, chargedSeconds }): RatedCall<T> => ({
      call,
      rate,
      billedSeconds,
      includedSeconds,
      chargedSeconds,
      chargeMicroSeconds: chargeMicroSeconds(chargedSeconds, rate.ratePerMinuteMicro),
    }),
  );
  return { rated, unrated, totals: lineTotals(rated) };
}

interface PricedCall<T> extends CallDrawingAllowance {
  call: T;
  rate: RateDeckRow;
}

/** Sums rated calls into one line; the only rounding to cents happens here. */
export function lineTotals(rated: readonly RatedCall<CallToRate>[]): LineTotals {
  const totals = rated.reduce(
    (sum, r) => ({
      calls: sum.calls + 1,
      billedSeconds: sum.billedSeconds + r.billedSeconds,
      includedSeconds: sum.includedSeconds + r.includedSeconds,
      chargedSeconds: sum.chargedSeconds + r.chargedSeconds,
      chargeMicroSeconds: sum.chargeMicroSeconds + r.chargeMicroSeconds,
    }),
    { calls: 0, billedSeconds: 0, includedSeconds: 0, chargedSeconds: 0, chargeMicroSeconds: 0n },
  );
  return { ...totals, cents: lineCents(totals.chargeMicroSeconds) };
}
