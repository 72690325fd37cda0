import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { anchorDayOf } from '../billing-config/effective-settings';
import { Clock } from '../common/clock';
import { BadInputException, NotFoundException } from '../common/errors';
import { billingToday } from '../billing-config/billing-date';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { grantsAt, useAllowance } from './allowance';
import type { UsageHourDto, UsagePeriodDto } from './dto/usage.dto';
import { billableOf, emptyFigures, figuresKey, periodFigures } from './period-usage';
import { usagePeriodsBack } from './usage-period';
import { periodView } from './usage-period-view';
import { dataServicesOn, policiesByIds } from './usage-policy-rows';
import { settlementHistory } from './usage-settlements';

/** The longest range of hours one request reads: a quarter, about 2,200 points a chart can draw. */
const MAX_HOURS_DAYS = 93;

/** What an account used: per usage period (its billing day to the next), and hour by hour. */
@Injectable()
export class UsageHistoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The current period and the ones before it, newest first, each with its totals as billed and how it was charged. */
  async periods(accountId: number, count = 12): Promise<UsagePeriodDto[]> {
    const em = this.db.manager;
    const anchorDay = await anchorDayOf(em, accountId);
    if (anchorDay === null) throw new NotFoundException('Account', accountId);
    const periods = usagePeriodsBack(Math.min(anchorDay, 28), this.clock.now(), count);
    // Measured by the policy the account has now: a period's free hours are those of the service it is on.
    const service = (await dataServicesOn(em, [accountId], billingToday(this.clock, this.config.BILLING_TIME_ZONE))).get(accountId);
    const policy = service?.policyId ? ((await policiesByIds(em, [service.policyId])).get(service.policyId) ?? null) : null;
    const figures = await periodFigures(
      em,
      [accountId],
      periods,
      new Map([[accountId, policy?.freeHourMask ?? 0]]),
      this.config.BILLING_TIME_ZONE,
    );
    const history = (await settlementHistory(em, [accountId], periods[0].end)).get(accountId) ?? [];
    const settled: Record<string, unknown>[] = await em.query(
      `SELECT s.period_start, DATE_FORMAT(s.billing_date, '%Y-%m-%d') AS billing_date, s.cap_octets, s.top_off_octets, s.rollover_earned_octets,
              s.overage_octets, s.overage_blocks, s.overage_transaction_id, t.amount
         FROM usage_settlements s LEFT JOIN transactions t ON t.id = s.overage_transaction_id
        WHERE s.account_id = ? AND s.period_start IN (?)`,
      [accountId, periods.map((p) => p.start)],
    );
    const byStart = new Map(settled.map((r) => [(r.period_start as Date).getTime(), r]));
    return periods.map((p, i) => {
      const f = figures.get(figuresKey(accountId, p.start)) ?? emptyFigures();
      const row = byStart.get(p.start.getTime());
      const grants = grantsAt(history, p.start);
      // A period over before the account had its data service had no allowance to measure against.
      const covered = service !== undefined && p.end.getTime() > Date.parse(`${service.addedOn}T00:00:00Z`);
      const use = policy && (covered || row) ? useAllowance(policy, billableOf(f), f.topOffOctets, grants) : null;
      if (row && use) {
        // A settled period shows what it was charged on.
        use.capOctets = row.cap_octets === null ? null : BigInt(row.cap_octets as string);
        use.overageOctets = BigInt(row.overage_octets as string);
      }
      return periodView(
        p,
        i === 0,
        f,
        use,
        row
          ? {
              billingDate: row.billing_date as string,
              overageBlocks: Number(row.overage_blocks),
              overageAmount: row.amount === null ? 0 : Number(row.amount),
              transactionId: row.overage_transaction_id === null ? null : Number(row.overage_transaction_id),
              rolloverEarnedOctets: String(row.rollover_earned_octets),
            }
          : null,
      );
    });
  }

  /** Hour by hour from `from` to `to` (UTC hours; an hour with no traffic is left out). */
  async hours(accountId: number, from: Date, to: Date): Promise<UsageHourDto[]> {
    if (to <= from) throw new BadInputException([{ field: 'to', rule: 'afterFrom', message: 'to must be after from' }]);
    if (to.getTime() - from.getTime() > MAX_HOURS_DAYS * 86_400_000) {
      throw new BadInputException([{ field: 'to', rule: 'range', message: `to must be at most ${MAX_HOURS_DAYS} days after from` }]);
    }
    const [account]: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE id = ?', [accountId]);
    if (!account) throw new NotFoundException('Account', accountId);
    const rows: { hour_start: Date; upload_octets: unknown; download_octets: unknown }[] = await this.db.query(
      `SELECT hour_start, upload_octets, download_octets FROM usage_hours
        WHERE account_id = ? AND hour_start >= ? AND hour_start < ? ORDER BY hour_start`,
      [accountId, from, to],
    );
    return rows.map((r) => ({ hour: r.hour_start.toISOString(), upload: String(r.upload_octets), download: String(r.download_octets) }));
  }
}
