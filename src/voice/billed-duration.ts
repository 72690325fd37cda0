/**
 * How a rate turns talk time into billed time: a first block of `minimumSeconds`, then whole
 * increments of `incrementSeconds`, each started one billed in full. Carriers write these as
 * minimum/increment: 60/60 bills by the started minute, 30/6 a half minute then six-second steps,
 * 1/1 to the second.
 */
export interface BillingIncrements {
  minimumSeconds: number;
  incrementSeconds: number;
}

export function incrementsProblem({ minimumSeconds, incrementSeconds }: BillingIncrements): string | null {
  if (!Number.isSafeInteger(minimumSeconds) || minimumSeconds < 0) {
    return `minimum must be a whole number of seconds ≥ 0, got ${minimumSeconds}`;
  }
  if (!Number.isSafeInteger(incrementSeconds) || incrementSeconds < 1) {
    return `increment must be a whole number of seconds ≥ 1, got ${incrementSeconds}`;
  }
  return null;
}

/**
 * Billed seconds for a call that lasted `durationSeconds` (the switch's talk time, after answer).
 * A call of 0 seconds (unanswered, busy, failed) bills nothing: the minimum is for calls that
 * connect, and charging a subscriber for a call nobody picked up is a dispute, not revenue.
 */
export function billedSeconds(durationSeconds: number, increments: BillingIncrements): number {
  const problem = incrementsProblem(increments);
  if (problem) throw new RangeError(problem);
  if (!Number.isSafeInteger(durationSeconds) || durationSeconds < 0) {
    throw new RangeError(`a call lasts a whole number of seconds ≥ 0, got ${durationSeconds}`);
  }
  if (durationSeconds === 0) return 0;
  const { minimumSeconds, incrementSeconds } = increments;
  if (durationSeconds <= minimumSeconds) return minimumSeconds;
  return minimumSeconds + Math.ceil((durationSeconds - minimumSeconds) / incrementSeconds) * incrementSeconds;
}
