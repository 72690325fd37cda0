import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CountryCode } from 'libphonenumber-js';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import { e164Digits } from './call-record';
import {
  CreateDidDto,
  CreateDidRangeDto,
  DidFilterDto,
  DidRangeResponseDto,
  DidResponseDto,
  DidSortField,
  DidState,
  MAX_DID_RANGE,
  UpdateDidDto,
} from './dto/did.dto';
import { VoiceErrorCode } from './voice.error-codes';

/** What the dids table's check allows: no leading zero, 6 to 15 digits. */
const STORABLE = /^[1-9]\d{5,14}$/;
const ENTITY = 'did';
const ROWS_PER_INSERT = 2_000;

interface DidRow {
  id: number;
  number: string;
  state: DidState;
  note: string | null;
  account_service_id: number | null;
  account_id: number | null;
  account_name: string | null;
  service_name: string | null;
  assigned_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export const DID_COLUMNS = `d.id, d.number, d.state, d.note, d.account_service_id, a.account_id, acc.name AS account_name,
  sv.name AS service_name, a.assigned_at, d.created_at, d.updated_at`;
// The open holding of an assigned number, and who holds it.
export const DID_JOINS = `LEFT JOIN did_assignments a ON a.did_id = d.id AND a.released_at IS NULL
  LEFT JOIN accounts acc ON acc.id = a.account_id
  LEFT JOIN account_services s ON s.id = d.account_service_id
  LEFT JOIN services sv ON sv.id = s.service_id`;

const SORT: Record<DidSortField, string> = { number: 'd.number', state: 'd.state', id: 'd.id', updatedAt: 'd.updated_at' };

export function toDid(row: DidRow): DidResponseDto {
  return {
    id: Number(row.id),
    number: row.number,
    state: row.state,
    note: row.note,
    accountServiceId: row.account_service_id === null ? null : Number(row.account_service_id),
    accountId: row.account_id === null ? null : Number(row.account_id),
    accountName: row.account_name,
    serviceName: row.service_name,
    assignedAt: row.assigned_at ? row.assigned_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The instance's phone numbers (DIDs): added one by one or as a range, reserved, retired or freed again. */
@Injectable()
export class DidsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<DidFilterDto, DidSortField>): Promise<ListResult<DidResponseDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const { state, q, accountId, accountServiceId, id } = query.filter;
    if (state) {
      where.push('d.state = ?');
      params.push(state);
    }
    if (q) {
      where.push('d.number LIKE ?');
      params.push(`%${q}%`);
    }
    if (accountId) {
      where.push('a.account_id = ?');
      params.push(accountId);
    }
    if (accountServiceId) {
      where.push('d.account_service_id = ?');
      params.push(accountServiceId);
    }
    if (id?.length) {
      where.push('d.id IN (?)');
      params.push(id);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = `${SORT[query.sort.field]} ${query.sort.order}, d.id ${query.sort.order}`;
    const [rows, [{ n }]] = await Promise.all([
      this.db.query(`SELECT ${DID_COLUMNS} FROM dids d ${DID_JOINS} ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`, [
        ...params,
        query.limit,
        query.offset,
      ]),
      this.db.query(
        `SELECT COUNT(*) AS n FROM dids d LEFT JOIN did_assignments a ON a.did_id = d.id AND a.released_at IS NULL ${clause}`,
        params,
      ),
    ]);
    return new ListResult('dids', (rows as DidRow[]).map(toDid), Number(n), query.offset);
  }

  async get(id: number): Promise<DidResponseDto> {
    return this.describe(this.db.manager, id);
  }

  async create(dto: CreateDidDto): Promise<DidResponseDto> {
    const number = this.storable(dto.number, 'number');
    return transactionWithRetry(this.db, async (em) => {
      let id: number;
      try {
        const result = await em.query('INSERT INTO dids (number, note) VALUES (?, ?)', [number, dto.note || null]);
        id = Number(result.insertId);
      } catch (err) {
        if (isDuplicateKey(err, 'uq_dids_number')) {
          throw new ConflictException(VoiceErrorCode.DidNumberTaken, `+${number} is one of the instance's numbers already`, [
            { field: 'number', rule: 'unique', message: `number +${number} exists already` },
          ]);
        }
        throw err;
      }
      const after = await this.describe(em, id);
      await this.audit.recordAction(em, { action: 'create', entityType: ENTITY, entityId: id, after: { ...after } });
      return after;
    });
  }

  /**
   * Adds every number from `from` to `to`, both included: numbers of one length counted up, as a
   * carrier hands out a block. Numbers of the range the instance has already are left as they are
   * and reported, so adding a block that overlaps an earlier one adds only what is new.
   */
  async createRange(dto: CreateDidRangeDto): Promise<DidRangeResponseDto> {
    const from = this.storable(dto.from, 'from');
    const to = this.storable(dto.to, 'to');
    if (from.length !== to.length) {
      throw new BadInputException([
        { field: 'to', rule: 'sameLength', message: `to (+${to}) must have as many digits as from (+${from})` },
      ]);
    }
    const first = BigInt(from);
    const last = BigInt(to);
    if (last < first) throw new BadInputException([{ field: 'to', rule: 'order', message: `to (+${to}) comes before from (+${from})` }]);
    const count = Number(last - first) + 1;
    if (count > MAX_DID_RANGE) {
      throw new BadInputException([
        { field: 'to', rule: 'maxRange', message: `a range adds at most ${MAX_DID_RANGE} numbers; +${from} to +${to} is ${count}` },
      ]);
    }
    const numbers = Array.from({ length: count }, (_, i) => String(first + BigInt(i)));
    return transactionWithRetry(this.db, async (em) => {
      const existing: { number: string }[] = await em.query(
        'SELECT number FROM dids WHERE number BETWEEN ? AND ? AND LENGTH(number) = ? ORDER BY number LOCK IN SHARE MODE',
        [from, to, from.length],
      );
      const taken = new Set(existing.map((r) => r.number));
      const fresh = numbers.filter((n) => !taken.has(n));
      let added = 0;
      for (let i = 0; i < fresh.length; i += ROWS_PER_INSERT) {
        const result = await em.query('INSERT IGNORE INTO dids (number, note) VALUES ?', [
          fresh.slice(i, i + ROWS_PER_INSERT).map((n) => [n, dto.note || null]),
        ]);
        added += Number(result.affectedRows ?? 0);
      }
      const answer: DidRangeResponseDto = {
        from,
        to,
        numbers: count,
        added,
        skipped: count - added,
        skippedNumbers: [...taken].slice(0, 100),
      };
      if (added > 0) {
        await this.audit.recordAction(em, {
          action: 'did.add_range',
          entityType: ENTITY,
          entityId: `${from}-${to}`,
          after: { from, to, added, skipped: answer.skipped },
        });
      }
      return answer;
    });
  }

  /** Reserves, retires or frees a number that no voice service holds, or changes its note. */
  async update(id: number, dto: UpdateDidDto): Promise<DidResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = await this.describe(em, id, true);
      const state = dto.state ?? before.state;
      if (dto.state !== undefined && dto.state !== before.state && before.state === 'assigned') {
        throw new ConflictException(
          VoiceErrorCode.DidAssigned,
          `+${before.number} is held by a voice service of ${before.accountName ?? `account ${before.accountId}`}; release it there first`,
          [{ field: 'state', rule: 'assigned', message: 'an assigned number changes state only by being released' }],
        );
      }
      const note = dto.note !== undefined ? dto.note || null : before.note;
      await em.query('UPDATE dids SET state = ?, note = ? WHERE id = ?', [state, note, id]);
      const after = await this.describe(em, id);
      await this.audit.recordAction(em, { action: 'update', entityType: ENTITY, entityId: id, before: { ...before }, after: { ...after } });
      return after;
    });
  }

  async describe(em: EntityManager, id: number, lock = false): Promise<DidResponseDto> {
    if (lock) await em.query('SELECT id FROM dids WHERE id = ? FOR UPDATE', [id]);
    const [row]: DidRow[] = await em.query(`SELECT ${DID_COLUMNS} FROM dids d ${DID_JOINS} WHERE d.id = ?`, [id]);
    if (!row) throw new NotFoundException('Phone number', id);
    return toDid(row);
  }

  /** E.164 digits of a number as a clerk wrote it, or a 400 naming the field. */
  private storable(text: string, field: string): string {
    const digits = e164Digits(text, { defaultCountry: this.config.VOICE_DEFAULT_COUNTRY as CountryCode });
    if (!digits || !STORABLE.test(digits)) {
      throw new BadInputException([
        {
          field,
          rule: 'e164',
          message: `${field} ${JSON.stringify(text)} is not a phone number (read in ${this.config.VOICE_DEFAULT_COUNTRY} when it has no country code)`,
        },
      ]);
    }
    return digits;
  }
}
