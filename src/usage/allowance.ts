import type { UsagePolicy } from './usage-policy';

/** Unused cap an earlier period left, still usable: what is left of it and when it lapses. */
export interface RolloverGrant {
  settlementId: number;
  remaining: bigint;
  expiresAt: Date;
}

export interface Draw {
  settlementId: number;
  octets: bigint;
}

/** How a period's billable usage was met, and what is left over or owed. */
export interface AllowanceUse {
  /** The plan's cap; null when the policy has none. */
  capOctets: bigint | null;
  topOffOctets: bigint;
  /** Rollover the period could draw on. */
  rolloverOctets: bigint;
  /** Cap, rollover and top-offs together; null without a cap. */
  allowanceOctets: bigint | null;
  rolloverUsed: bigint;
  draws: Draw[];
  /** Unused plan cap that rolls over, when the policy says so. */
  earned: bigint;
  overageOctets: bigint;
  /** Started blocks of overage, charged when the policy charges overage. */
  overageBlocks: number;
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);

/**
 * Meets a period's billable usage from the plan's cap first, then rollover (oldest grant first,
 * since it lapses first), then the period's top-offs; what is beyond is overage. Only unused
 * plan cap rolls over: rolled-over data and top-offs do not roll again.
 */
export function useAllowance(
  policy: Pick<UsagePolicy, 'capOctets' | 'atCap' | 'overageBlockOctets' | 'rollover'>,
  billable: bigint,
  topOffOctets: bigint,
  grants: RolloverGrant[],
): AllowanceUse {
  const rolloverOctets = grants.reduce((sum, g) => sum + g.remaining, 0n);
  if (policy.capOctets === null) {
    return {
      capOctets: null,
      topOffOctets,
      rolloverOctets,
      allowanceOctets: null,
      rolloverUsed: 0n,
      draws: [],
      earned: 0n,
      overageOctets: 0n,
      overageBlocks: 0,
    };
  }
  const fromCap = min(billable, policy.capOctets);
  let rest = billable - fromCap;
  const draws: Draw[] = [];
  for (const grant of [...grants].sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || a.settlementId - b.settlementId)) {
    if (rest === 0n) break;
    const octets = min(rest, grant.remaining);
    if (octets === 0n) continue;
    draws.push({ settlementId: grant.settlementId, octets });
    rest -= octets;
  }
  const rolloverUsed = draws.reduce((sum, d) => sum + d.octets, 0n);
  rest -= min(rest, topOffOctets);
  const block = policy.overageBlockOctets;
  return {
    capOctets: policy.capOctets,
    topOffOctets,
    rolloverOctets,
    allowanceOctets: policy.capOctets + rolloverOctets + topOffOctets,
    rolloverUsed,
    draws,
    earned: policy.rollover ? policy.capOctets - fromCap : 0n,
    overageOctets: rest,
    overageBlocks: policy.atCap === 'overage' && block && rest > 0n ? Number((rest + block - 1n) / block) : 0,
  };
}

/**
 * The rollover a period starting at `periodStart` may draw on, from the account's earlier
 * settlements: each grant less what later settlements drew from it, if it has not lapsed.
 */
export function grantsAt(
  settlements: { id: number; periodStart: Date; earned: bigint; expiresAt: Date | null; draws: Draw[] }[],
  periodStart: Date,
): RolloverGrant[] {
  const earlier = settlements.filter((s) => s.periodStart < periodStart);
  const drawn = new Map<number, bigint>();
  for (const s of earlier) for (const d of s.draws) drawn.set(d.settlementId, (drawn.get(d.settlementId) ?? 0n) + d.octets);
  return earlier
    .filter((s) => s.earned > 0n && s.expiresAt !== null && s.expiresAt > periodStart)
    .map((s) => ({ settlementId: s.id, remaining: s.earned - (drawn.get(s.id) ?? 0n), expiresAt: s.expiresAt as Date }))
    .filter((g) => g.remaining > 0n);
}
