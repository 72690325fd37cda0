import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { billingToday } from '../billing-config/billing-date';
import { Clock } from '../common/clock';
import { groupInto } from '../common/group-into';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AllowanceUse, grantsAt, useAllowance } from './allowance';
import { billableOf, emptyFigures, figuresKey, PeriodFigures, periodFigures } from './period-usage';
import type { UsagePolicy } from './usage-policy';
import { AccountDataService, anchorDaysOf, dataServicesOn, policiesByIds } from './usage-policy-rows';
import { usagePeriodAt, type UsagePeriod } from './usage-period';
import { settlementHistory } from './usage-settlements';

/** What an account's allowance is measured by. */
export interface AllowanceTerms {
  anchors: Map<number, number>;
  services: Map<number, AccountDataService>;
  policies: Map<number, UsagePolicy & { freeHourMask: number }>;
}

/** Where an account stands in its current usage period. */
export interface UsageStanding {
  accountId: number;
  period: UsagePeriod;
  dataService: AccountDataService | null;
  policy: (UsagePolicy & { freeHourMask: number }) | null;
  figures: PeriodFigures;
  use: AllowanceUse | null;
  /** Billable usage has reached the allowance (cap, rollover and top-offs). */
  atCap: boolean;
}

/** The current period's usage against each account's allowance: what the tab shows and what slowing at the cap reads. */
@Injectable()
export class UsageAllowanceService {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Each account's anchor day, data service today and its policy: what a standing is worked out from. */
  async terms(em: EntityManager, accountIds: number[]): Promise<AllowanceTerms> {
    const ids = [...new Set(accountIds)];
    const anchors = await anchorDaysOf(em, ids);
    const services = await dataServicesOn(em, ids, billingToday(this.clock, this.config.BILLING_TIME_ZONE));
    const policies = await policiesByIds(
      em,
      [...services.values()].flatMap((s) => (s.policyId === null ? [] : [s.policyId])),
    );
    return { anchors, services, policies };
  }

  /** `terms`, when the caller has read them already for these accounts (or more), are not read again. */
  async standings(em: EntityManager, accountIds: number[], terms?: AllowanceTerms): Promise<Map<number, UsageStanding>> {
    const out = new Map<number, UsageStanding>();
    const ids = [...new Set(accountIds)];
    if (!ids.length) return out;
    const now = this.clock.now();
    const known = terms ?? (await this.terms(em, ids));
    const { services, policies } = known;
    // Only these accounts' anchor days: given terms may hold more accounts.
    const anchors = new Map(ids.flatMap((id) => (known.anchors.has(id) ? [[id, known.anchors.get(id) as number] as const] : [])));
    const policyOf = (accountId: number) => {
      const id = services.get(accountId)?.policyId;
      return id === null || id === undefined ? null : (policies.get(id) ?? null);
    };
    // Accounts sharing an anchor day share a period: one read per anchor day among them.
    const byAnchor = new Map<number, number[]>();
    for (const [accountId, anchorDay] of anchors) groupInto(byAnchor, anchorDay, accountId);
    for (const [anchorDay, group] of byAnchor) {
      const period = usagePeriodAt(Math.min(anchorDay, 28), now);
      const masks = new Map(group.map((id) => [id, policyOf(id)?.freeHourMask ?? 0]));
      const figures = await periodFigures(em, group, [period], masks, this.config.BILLING_TIME_ZONE);
      const capped = group.filter((id) => policyOf(id)?.capOctets != null);
      const history = await settlementHistory(em, capped, period.start);
      for (const accountId of group) {
        const policy = policyOf(accountId);
        const f = figures.get(figuresKey(accountId, period.start)) ?? emptyFigures();
        const use = policy
          ? useAllowance(policy, billableOf(f), f.topOffOctets, grantsAt(history.get(accountId) ?? [], period.start))
          : null;
        out.set(accountId, {
          accountId,
          period,
          dataService: services.get(accountId) ?? null,
          policy,
          figures: f,
          use,
          atCap: use?.allowanceOctets != null && billableOf(f) >= use.allowanceOctets,
        });
      }
    }
    return out;
  }

  /** Accounts among these whose policy slows at the cap and who have reached it this period. */
  async overCap(em: EntityManager, accountIds: number[]): Promise<Set<number>> {
    const standings = await this.standings(em, accountIds);
    return new Set([...standings.values()].filter((s) => s.atCap && s.policy?.atCap === 'slow').map((s) => s.accountId));
  }
}
