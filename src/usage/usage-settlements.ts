import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ChargePlan, ChargeSource, SourcedCharge } from '../billing/charge-sources';
import { CatalogService } from '../catalog/catalog.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AllowanceUse, Draw, grantsAt, useAllowance } from './allowance';
import { billableOf, figuresKey, freeOf, periodFigures } from './period-usage';
import { octetsToGb } from './usage-policy';
import { dataServicesOn, policiesByIds } from './usage-policy-rows';
import { periodDays, type UsagePeriod } from './usage-period';

/** Rollover lapses after at most this many months, so no earlier settlement can still give any. */
export const MAX_ROLLOVER_MONTHS = 36;

const addUtcMonths = (d: Date, months: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()));

/** The usage period a billing date closes: from the same day a month before, to the date, midnight UTC. */
export function periodClosedBy(billingDate: string): UsagePeriod {
  const end = new Date(`${billingDate}T00:00:00Z`);
  return { start: addUtcMonths(end, -1), end };
}

export interface SettlementHistory {
  id: number;
  periodStart: Date;
  earned: bigint;
  expiresAt: Date | null;
  draws: Draw[];
}

/** Each account's settlements that may still matter for rollover at `before`, oldest first. */
export async function settlementHistory(em: EntityManager, accountIds: number[], before: Date): Promise<Map<number, SettlementHistory[]>> {
  const byAccount = new Map<number, SettlementHistory[]>();
  if (!accountIds.length) return byAccount;
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT id, account_id, period_start, rollover_earned_octets, rollover_expires_at, rollover_draws
       FROM usage_settlements WHERE account_id IN (?) AND period_start >= ? AND period_start < ?
      ORDER BY account_id, period_start`,
    [accountIds, addUtcMonths(before, -MAX_ROLLOVER_MONTHS - 1), before],
  );
  for (const r of rows) {
    const accountId = Number(r.account_id);
    const draws = (typeof r.rollover_draws === 'string' ? JSON.parse(r.rollover_draws) : r.rollover_draws) as {
      settlementId: number;
      octets: string;
    }[];
    const list = byAccount.get(accountId) ?? [];
    list.push({
      id: Number(r.id),
      periodStart: r.period_start as Date,
      earned: BigInt(r.rollover_earned_octets as string),
      expiresAt: (r.rollover_expires_at as Date | null) ?? null,
      draws: draws.map((d) => ({ settlementId: Number(d.settlementId), octets: BigInt(d.octets) })),
    });
    byAccount.set(accountId, list);
  }
  return byAccount;
}

interface Settlement {
  accountId: number;
  policyId: number;
  period: UsagePeriod;
  billable: bigint;
  free: bigint;
  use: AllowanceUse;
  expiresAt: Date | null;
  charge: SourcedCharge | null;
}

/**
 * Settles the usage period a bill run's date closes for each account on its billing day: the
 * usage as billed (free hours apart, corrections in), met from cap, rollover and top-offs, and
 * the overage charged per started block through the policy's overage service. Each account
 * and period is settled once: an account already settled is left alone, and the settlement's
 * unique key refuses a second one.
 */
@Injectable()
export class UsageSettlements implements ChargeSource {
  constructor(
    private readonly catalog: CatalogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async plan(em: EntityManager, accountIds: number[], billingDate: string): Promise<ChargePlan> {
    const period = periodClosedBy(billingDate);
    const { first: firstDay, last: lastDay } = periodDays(period);
    const services = await dataServicesOn(em, accountIds, lastDay);
    const metered = [...services.values()].filter((s) => s.policyId !== null);
    const policies = await policiesByIds(
      em,
      metered.map((s) => s.policyId as number),
    );
    const settled: { account_id: number }[] = metered.length
      ? await em.query('SELECT account_id FROM usage_settlements WHERE account_id IN (?) AND period_start = ?', [
          metered.map((s) => s.accountId),
          period.start,
        ])
      : [];
    const done = new Set(settled.map((r) => Number(r.account_id)));
    const due = metered.filter((s) => !done.has(s.accountId));
    const ids = due.map((s) => s.accountId);
    const masks = new Map(due.map((s) => [s.accountId, policies.get(s.policyId as number)?.freeHourMask ?? 0]));
    const figures = await periodFigures(em, ids, [period], masks, this.config.BILLING_TIME_ZONE);
    const history = await settlementHistory(em, ids, period.start);
    const overageServices = await this.catalog.servicesByIds(
      em,
      [...policies.values()].flatMap((p) => (p.overageServiceId === null ? [] : [p.overageServiceId])),
    );

    const settlements: Settlement[] = due.map((service) => {
      const policy = policies.get(service.policyId as number) as NonNullable<ReturnType<typeof policies.get>>;
      const f = figures.get(figuresKey(service.accountId, period.start)) as NonNullable<ReturnType<typeof figures.get>>;
      const billable = billableOf(f);
      const use = useAllowance(policy, billable, f.topOffOctets, grantsAt(history.get(service.accountId) ?? [], period.start));
      const overageService = policy.overageServiceId === null ? undefined : overageServices.get(policy.overageServiceId);
      let charge: SourcedCharge | null = null;
      if (use.overageBlocks > 0 && overageService && overageService.price > 0) {
        charge = {
          accountId: service.accountId,
          accountServiceId: service.accountServiceId,
          serviceId: overageService.id,
          quantity: use.overageBlocks,
          amount: overageService.price * use.overageBlocks,
          taxIds: overageService.taxIds,
          description:
            `${overageService.name}: ${octetsToGb(use.overageOctets)} GB over the allowance, ` +
            `${use.overageBlocks} × ${octetsToGb(policy.overageBlockOctets as bigint)} GB (${firstDay} to ${lastDay})`,
          periodStart: firstDay,
          periodEnd: lastDay,
        };
      }
      return {
        accountId: service.accountId,
        policyId: policy.id,
        period,
        billable,
        free: freeOf(f),
        use,
        expiresAt: use.earned > 0n ? addUtcMonths(period.end, policy.rolloverExpiryMonths ?? 1) : null,
        charge,
      };
    });

    return {
      charges: settlements.flatMap((s) => (s.charge ? [s.charge] : [])),
      record: async (em2, billed, chargeId) => {
        const rows = settlements
          .filter((s) => billed.has(s.accountId))
          .map((s) => {
            const transactionId = s.charge ? chargeId(s.charge) : undefined;
            if (s.charge && transactionId === undefined) throw new Error(`The overage charge of account ${s.accountId} was not written`);
            return [
              s.accountId,
              s.period.start,
              s.period.end,
              s.policyId,
              billingDate,
              s.billable.toString(),
              s.free.toString(),
              s.use.capOctets?.toString() ?? null,
              s.use.topOffOctets.toString(),
              s.use.rolloverUsed.toString(),
              JSON.stringify(s.use.draws.map((d) => ({ settlementId: d.settlementId, octets: d.octets.toString() }))),
              s.use.earned.toString(),
              s.expiresAt,
              s.use.overageOctets.toString(),
              s.use.overageBlocks,
              transactionId ?? null,
            ];
          });
        if (!rows.length) return;
        await em2.query(
          `INSERT INTO usage_settlements (account_id, period_start, period_end, policy_id, billing_date, billable_octets, free_octets,
             cap_octets, top_off_octets, rollover_used_octets, rollover_draws, rollover_earned_octets, rollover_expires_at,
             overage_octets, overage_blocks, overage_transaction_id) VALUES ?`,
          [rows],
        );
      },
    };
  }
}
