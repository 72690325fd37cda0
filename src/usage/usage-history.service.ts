import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { anchorDayOf } from '../billing-config/effective-settings';
import { Clock } from '../common/clock';
import { BadInputException, NotFoundException } from '../common/errors';
import type { UsageHourDto, UsageOctetsDto, UsagePeriodDto } from './dto/usage.dto';
import { usagePeriodsBack } from './usage-period';

/** The longest range of hours one request reads: a quarter, about 2,200 points a chart can draw. */
const MAX_HOURS_DAYS = 93;

const octets = (upload: unknown, download: unknown): UsageOctetsDto => {
  const up = BigInt((upload as string | number | null) ?? 0);
  const down = BigInt((download as string | number | null) ?? 0);
  return { upload: up.toString(), download: down.toString(), total: (up + down).toString() };
};

/** What an account used: per usage period (its billing day to the next), and hour by hour. */
@Injectable()
export class UsageHistoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The current period and the ones before it, newest first, each with its totals. */
  async periods(accountId: number, count = 12): Promise<UsagePeriodDto[]> {
    const anchorDay = await anchorDayOf(this.db.manager, accountId);
    if (anchorDay === null) throw new NotFoundException('Account', accountId);
    const periods = usagePeriodsBack(anchorDay, this.clock.now(), count);
    const rows: { start: Date; upload: unknown; download: unknown }[] = await this.db.query(
      `SELECT p.start, SUM(h.upload_octets) AS upload, SUM(h.download_octets) AS download
         FROM (${periods.map(() => 'SELECT ? AS start, ? AS end_at').join(' UNION ALL ')}) p
         JOIN usage_hours h ON h.account_id = ? AND h.hour_start >= p.start AND h.hour_start < p.end_at
        GROUP BY p.start`,
      [...periods.flatMap((p) => [p.start, p.end]), accountId],
    );
    const byStart = new Map(rows.map((r) => [new Date(r.start).getTime(), r]));
    return periods.map((p, i) => {
      const row = byStart.get(p.start.getTime());
      return { start: p.start.toISOString(), end: p.end.toISOString(), current: i === 0, usage: octets(row?.upload, row?.download) };
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
