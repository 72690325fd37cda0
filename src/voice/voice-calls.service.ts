import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { NotFoundException } from '../common/errors';
import { csvRow } from '../common/csv';
import { ListQuery, ListResult, MAX_PAGE_SIZE } from '../common/list-query';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AccountCallFilterDto, CallSortField, VoiceCallResponseDto, VoiceCallTotalsDto } from './dto/voice-call.dto';
import { formatMicro, lineCents } from './money-micro';
import { readSwitchTime } from './switch-time';

interface CallRow {
  id: number | string;
  started_at: Date;
  direction: 'inbound' | 'outbound';
  from_number: string;
  to_number: string;
  did_id: number;
  did_number: string;
  account_service_id: number;
  duration_seconds: number;
  billed_seconds: number;
  rate_prefix: string;
  rate_micro: number;
  disposition: string | null;
  settlement_id: number | null;
  included_seconds: number | null;
  charged_seconds: number | null;
  charge_micro_seconds: string | number | null;
  file_id: number;
  line_no: number;
}

const COLUMNS = `c.id, c.started_at, c.direction, c.from_number, c.to_number, c.did_id, d.number AS did_number, c.account_service_id,
  c.duration_seconds, c.billed_seconds, c.rate_prefix, c.rate_micro, c.disposition, c.settlement_id, c.included_seconds,
  c.charged_seconds, CAST(c.charge_micro_seconds AS CHAR) AS charge_micro_seconds, c.file_id, c.line_no`;
const SORT: Record<CallSortField, string> = {
  startedAt: 'c.started_at',
  durationSeconds: 'c.duration_seconds',
  billedSeconds: 'c.billed_seconds',
  fromNumber: 'c.from_number',
  toNumber: 'c.to_number',
  direction: 'c.direction',
  id: 'c.id',
};

export const CALL_CSV_HEADER = [
  'id',
  'started_at',
  'direction',
  'from',
  'to',
  'did',
  'duration_seconds',
  'billed_seconds',
  'rate_prefix',
  'rate_per_minute',
  'disposition',
  'file_id',
  'line',
];

function toCall(row: CallRow): VoiceCallResponseDto {
  return {
    id: Number(row.id),
    startedAt: row.started_at.toISOString(),
    direction: row.direction,
    fromNumber: row.from_number,
    toNumber: row.to_number,
    didId: Number(row.did_id),
    didNumber: row.did_number,
    accountServiceId: Number(row.account_service_id),
    durationSeconds: Number(row.duration_seconds),
    billedSeconds: Number(row.billed_seconds),
    ratePrefix: row.rate_prefix,
    rateMicro: Number(row.rate_micro),
    rate: formatMicro(Number(row.rate_micro)),
    disposition: row.disposition,
    settlementId: row.settlement_id === null ? null : Number(row.settlement_id),
    includedSeconds: row.included_seconds === null ? null : Number(row.included_seconds),
    chargedSeconds: row.charged_seconds === null ? null : Number(row.charged_seconds),
    chargeMicroSeconds: row.charge_micro_seconds === null ? null : String(row.charge_micro_seconds),
    fileId: Number(row.file_id),
    lineNo: Number(row.line_no),
  };
}

/** An account's calls, as imported: a page, the totals of the same filter, and the same rows as CSV. */
@Injectable()
export class VoiceCallsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(accountId: number, query: ListQuery<AccountCallFilterDto, CallSortField>): Promise<ListResult<VoiceCallResponseDto>> {
    await this.assertAccount(accountId);
    const { clause, params } = this.where(accountId, query.filter);
    const [rows, [{ n }]] = await Promise.all([
      this.db.query(
        `SELECT ${COLUMNS} FROM voice_calls c JOIN dids d ON d.id = c.did_id WHERE ${clause} ORDER BY ${this.order(query)} LIMIT ? OFFSET ?`,
        [...params, query.limit, query.offset],
      ),
      this.db.query(`SELECT COUNT(*) AS n FROM voice_calls c WHERE ${clause}`, params),
    ]);
    return new ListResult('voice-calls', (rows as CallRow[]).map(toCall), Number(n), query.offset);
  }

  async totals(accountId: number, filter: AccountCallFilterDto): Promise<VoiceCallTotalsDto> {
    await this.assertAccount(accountId);
    const { clause, params } = this.where(accountId, filter);
    const rows: { direction: 'inbound' | 'outbound'; calls: number; duration: string; billed: string; charge: string }[] =
      await this.db.query(
        `SELECT c.direction, COUNT(*) AS calls, CAST(SUM(c.duration_seconds) AS CHAR) AS duration, CAST(SUM(c.billed_seconds) AS CHAR) AS billed,
              CAST(SUM(CAST(c.billed_seconds AS DECIMAL(30,0)) * c.rate_micro) AS CHAR) AS charge
         FROM voice_calls c WHERE ${clause} GROUP BY c.direction`,
        params,
      );
    const of = (direction: 'inbound' | 'outbound') => {
      const row = rows.find((r) => r.direction === direction);
      return { calls: Number(row?.calls ?? 0), durationSeconds: Number(row?.duration ?? 0), billedSeconds: Number(row?.billed ?? 0) };
    };
    const inbound = of('inbound');
    const outbound = of('outbound');
    const billedSeconds = inbound.billedSeconds + outbound.billedSeconds;
    const charge = rows.reduce((sum, r) => sum + BigInt(r.charge ?? '0'), 0n);
    return {
      calls: inbound.calls + outbound.calls,
      durationSeconds: inbound.durationSeconds + outbound.durationSeconds,
      billedSeconds,
      billedMinutes: (Math.round((billedSeconds * 100) / 60) / 100).toFixed(2),
      estimatedChargeBeforeIncluded: lineCents(charge),
      inbound,
      outbound,
    };
  }

  /** Streams every call the filter matches, in the list's order, a page at a time: the rows the list shows, all of them. */
  async writeCsv(accountId: number, query: ListQuery<AccountCallFilterDto, CallSortField>, out: Writable): Promise<number> {
    await this.assertAccount(accountId);
    out.write(csvRow(CALL_CSV_HEADER));
    let written = 0;
    for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
      const page = await this.list(accountId, { ...query, offset, limit: MAX_PAGE_SIZE });
      for (const c of page.items) {
        const line = csvRow([
          c.id,
          c.startedAt,
          c.direction,
          c.fromNumber,
          c.toNumber,
          c.didNumber,
          c.durationSeconds,
          c.billedSeconds,
          c.ratePrefix,
          c.rate,
          c.disposition,
          c.fileId,
          c.lineNo,
        ]);
        if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
      }
      written += page.items.length;
      if (page.items.length < MAX_PAGE_SIZE) return written;
    }
  }

  private where(accountId: number, filter: AccountCallFilterDto): { clause: string; params: unknown[] } {
    const where = ['c.account_id = ?'];
    const params: unknown[] = [accountId];
    if (filter.from) {
      where.push('c.started_at >= ?');
      params.push(this.startOfDay(filter.from));
    }
    if (filter.to) {
      where.push('c.started_at < ?');
      params.push(this.startOfDay(filter.to, 1));
    }
    if (filter.direction) {
      where.push('c.direction = ?');
      params.push(filter.direction);
    }
    if (filter.didId) {
      where.push('c.did_id = ?');
      params.push(filter.didId);
    }
    if (filter.accountServiceId) {
      where.push('c.account_service_id = ?');
      params.push(filter.accountServiceId);
    }
    if (filter.q) {
      where.push('(c.from_number LIKE ? OR c.to_number LIKE ?)');
      params.push(`%${filter.q}%`, `%${filter.q}%`);
    }
    if (filter.id?.length) {
      where.push('c.id IN (?)');
      params.push(filter.id);
    }
    return { clause: where.join(' AND '), params };
  }

  private order(query: ListQuery<AccountCallFilterDto, CallSortField>): string {
    return `${SORT[query.sort.field]} ${query.sort.order}, c.id ${query.sort.order}`;
  }

  /** Midnight of the day (plus `days`) in the billing time zone, as the instant calls are stored in. */
  private startOfDay(date: string, days = 0): Date {
    const day = new Date(`${date}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + days);
    return readSwitchTime(`${day.toISOString().slice(0, 10)} 00:00:00`, this.config.BILLING_TIME_ZONE) ?? day;
  }

  async assertAccount(accountId: number): Promise<void> {
    const [row] = await this.db.query('SELECT id FROM accounts WHERE id = ?', [accountId]);
    if (!row) throw new NotFoundException('Account', accountId);
  }
}
