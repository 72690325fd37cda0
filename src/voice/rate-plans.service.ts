import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BadInputException, ConflictException, FieldError, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { likeContains } from '../common/sql-like';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import { receiveUpload } from '../files/multipart-upload';
import {
  CreateRatePlanDto,
  RateDeckImportResponseDto,
  RateFilterDto,
  RatePlanFilterDto,
  RatePlanResponseDto,
  RatePlanSortField,
  RateResponseDto,
  RateSortField,
  UpdateRatePlanDto,
} from './dto/rate-plan.dto';
import { formatMicro } from './money-micro';
import type { CallDirection, RateDeckRow } from './rate-deck';
import { readRateDeckCsv } from './rate-deck-csv';
import { VoiceErrorCode } from './voice.error-codes';
import { VoiceStorage } from './voice-storage';

/** A rate deck file is a few thousand rows; a file past this is not a deck. */
const DECK_MAX_BYTES = 50 * 1024 ** 2;
/** Problems listed in a refusal; a file wrong on every line says so in its count. */
const DECK_PROBLEMS_LISTED = 200;
const ROWS_PER_INSERT = 2_000;
const ENTITY = 'voice_rate_plan';

const PLAN_SORT: Record<RatePlanSortField, string> = { id: 'p.id', name: 'p.name', updatedAt: 'p.updated_at' };
const RATE_SORT: Record<RateSortField, string> = {
  prefix: 'r.prefix',
  direction: 'r.direction',
  rateMicro: 'r.rate_micro',
  effectiveFrom: 'r.effective_from',
  description: 'r.description',
  id: 'r.id',
};

interface PlanRow {
  id: number;
  name: string;
  description: string | null;
  rates: number | string;
  services: number | string;
  created_at: Date;
  updated_at: Date;
}

interface RateRow {
  id: number;
  rate_plan_id: number;
  direction: CallDirection;
  prefix: string;
  description: string;
  rate_micro: number;
  minimum_seconds: number;
  increment_seconds: number;
  effective_from: string;
}

/** A deck row as the import keeps it: the row's id beside what rates a call. */
export type StoredRateRow = RateDeckRow & { id: number };

/** Rows stored with no effective date take it from 1970-01-01, so that the unique key holds. */
const ALWAYS = '1970-01-01';

function toPlan(row: PlanRow): RatePlanResponseDto {
  return {
    id: Number(row.id),
    name: row.name,
    description: row.description,
    rates: Number(row.rates),
    services: Number(row.services),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toRate(row: RateRow): RateResponseDto {
  return {
    id: Number(row.id),
    ratePlanId: Number(row.rate_plan_id),
    direction: row.direction,
    prefix: row.prefix,
    description: row.description,
    rateMicro: Number(row.rate_micro),
    rate: formatMicro(Number(row.rate_micro)),
    minimumSeconds: Number(row.minimum_seconds),
    incrementSeconds: Number(row.increment_seconds),
    effectiveFrom: row.effective_from === ALWAYS ? null : row.effective_from,
  };
}

const PLAN_COLUMNS = `p.id, p.name, p.description, p.created_at, p.updated_at,
  (SELECT COUNT(*) FROM voice_rates r WHERE r.rate_plan_id = p.id) AS rates,
  (SELECT COUNT(*) FROM services s WHERE s.voice_rate_plan_id = p.id) AS services`;
const RATE_COLUMNS = `r.id, r.rate_plan_id, r.direction, r.prefix, r.description, r.rate_micro, r.minimum_seconds, r.increment_seconds,
  DATE_FORMAT(r.effective_from, '%Y-%m-%d') AS effective_from`;

/**
 * Rate plans and their decks. A deck is replaced whole from a CSV file, in one transaction, and
 * only when the file has no problem at all: a deck half-replaced would price calls by two carriers' lists.
 */
@Injectable()
export class RatePlansService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly storage: VoiceStorage,
  ) {}

  async list(query: ListQuery<RatePlanFilterDto, RatePlanSortField>): Promise<ListResult<RatePlanResponseDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.filter.q) {
      where.push('p.name LIKE ?');
      params.push(likeContains(query.filter.q));
    }
    if (query.filter.id?.length) {
      where.push('p.id IN (?)');
      params.push(query.filter.id);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = `${PLAN_SORT[query.sort.field]} ${query.sort.order}, p.id ${query.sort.order}`;
    const [rows, [{ n }]] = await Promise.all([
      this.db.query(`SELECT ${PLAN_COLUMNS} FROM voice_rate_plans p ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`, [
        ...params,
        query.limit,
        query.offset,
      ]),
      this.db.query(`SELECT COUNT(*) AS n FROM voice_rate_plans p ${clause}`, params),
    ]);
    return new ListResult('voice-rate-plans', (rows as PlanRow[]).map(toPlan), Number(n), query.offset);
  }

  async get(id: number): Promise<RatePlanResponseDto> {
    return this.describe(this.db.manager, id);
  }

  async create(dto: CreateRatePlanDto): Promise<RatePlanResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      let id: number;
      try {
        const result = await em.query('INSERT INTO voice_rate_plans (name, description) VALUES (?, ?)', [
          dto.name,
          dto.description ?? null,
        ]);
        id = Number(result.insertId);
      } catch (err) {
        if (isDuplicateKey(err, 'uq_voice_rate_plans_name')) throw nameTaken(dto.name);
        throw err;
      }
      const after = await this.describe(em, id);
      await this.audit.recordAction(em, { action: 'create', entityType: ENTITY, entityId: id, after: { ...after } });
      return after;
    });
  }

  async update(id: number, dto: UpdateRatePlanDto): Promise<RatePlanResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = await this.describe(em, id, true);
      const name = dto.name ?? before.name;
      const description = dto.description !== undefined ? dto.description : before.description;
      try {
        await em.query('UPDATE voice_rate_plans SET name = ?, description = ? WHERE id = ?', [name, description, id]);
      } catch (err) {
        if (isDuplicateKey(err, 'uq_voice_rate_plans_name')) throw nameTaken(name);
        throw err;
      }
      const after = await this.describe(em, id);
      await this.audit.recordAction(em, { action: 'update', entityType: ENTITY, entityId: id, before: { ...before }, after: { ...after } });
      return after;
    });
  }

  /** Only a plan no catalogue service is priced by can go; its calls keep the rates they were priced at. */
  async delete(id: number): Promise<RatePlanResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = await this.describe(em, id, true);
      const services: { name: string }[] = await em.query(
        'SELECT name FROM services WHERE voice_rate_plan_id = ? ORDER BY name LIMIT 5 LOCK IN SHARE MODE',
        [id],
      );
      if (services.length) {
        throw new ConflictException(
          VoiceErrorCode.RatePlanInUse,
          `Rate plan "${before.name}" prices the voice service${services.length > 1 ? 's' : ''} ${services.map((s) => `"${s.name}"`).join(', ')}; give them another plan first`,
        );
      }
      await em.query('DELETE FROM voice_rate_plans WHERE id = ?', [id]);
      await this.audit.recordAction(em, { action: 'delete', entityType: ENTITY, entityId: id, before: { ...before } });
      return before;
    });
  }

  async listRates(planId: number, query: ListQuery<RateFilterDto, RateSortField>): Promise<ListResult<RateResponseDto>> {
    await this.describe(this.db.manager, planId);
    const where = ['r.rate_plan_id = ?'];
    const params: unknown[] = [planId];
    const { prefix, direction, q, id } = query.filter;
    if (prefix) {
      where.push('r.prefix LIKE ?');
      params.push(`${prefix}%`);
    }
    if (direction) {
      where.push('r.direction = ?');
      params.push(direction);
    }
    if (q) {
      where.push('r.description LIKE ?');
      params.push(likeContains(q));
    }
    if (id?.length) {
      where.push('r.id IN (?)');
      params.push(id);
    }
    const clause = where.join(' AND ');
    const order = `${RATE_SORT[query.sort.field]} ${query.sort.order}, r.id ${query.sort.order}`;
    const [rows, [{ n }]] = await Promise.all([
      this.db.query(`SELECT ${RATE_COLUMNS} FROM voice_rates r WHERE ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`, [
        ...params,
        query.limit,
        query.offset,
      ]),
      this.db.query(`SELECT COUNT(*) AS n FROM voice_rates r WHERE ${clause}`, params),
    ]);
    return new ListResult('voice-rates', (rows as RateRow[]).map(toRate), Number(n), query.offset);
  }

  /**
   * Replaces the plan's deck with the uploaded CSV. The file is read whole before anything is
   * written; any problem refuses it with every line, column and rule (up to a couple of hundred),
   * and the deck stays as it was.
   */
  async importDeck(planId: number, req: Request): Promise<RateDeckImportResponseDto> {
    await this.describe(this.db.manager, planId);
    await this.storage.ensureDirs();
    const upload = await receiveUpload(req, {
      dir: this.storage.uploadDir,
      maxBytes: DECK_MAX_BYTES,
      fileField: 'file',
      beforeFile: async (fields) => {
        const unknown = Object.keys(fields).map((name) => ({
          field: name,
          rule: 'unknownField',
          message: `${name} is not an accepted field`,
        }));
        if (unknown.length) throw new BadInputException(unknown);
      },
    });
    try {
      const reading = await readRateDeckCsv(createReadStream(upload.path));
      if (reading.errors.length) {
        const details: FieldError[] = reading.errors.slice(0, DECK_PROBLEMS_LISTED).map((e) => ({
          field: `file.line${e.line}.${e.field}`,
          rule: e.rule,
          message: `line ${e.line}: ${e.message}`,
        }));
        const count = reading.errors.length;
        throw new BadInputException(
          details,
          `The rate deck was not imported: ${count} problem${count === 1 ? '' : 's'}, the first on line ${reading.errors[0].line} (${reading.errors[0].message})`,
        );
      }
      return await this.replaceDeck(planId, reading.rows);
    } finally {
      await rm(upload.path, { force: true });
    }
  }

  /** The plan's rows, as rating reads them, with their ids. */
  async deckRows(em: EntityManager, planId: number): Promise<StoredRateRow[]> {
    const rows: RateRow[] = await em.query(`SELECT ${RATE_COLUMNS} FROM voice_rates r WHERE r.rate_plan_id = ?`, [planId]);
    return rows.map((r) => ({
      id: Number(r.id),
      prefix: r.prefix,
      description: r.description,
      direction: r.direction,
      ratePerMinuteMicro: Number(r.rate_micro),
      minimumSeconds: Number(r.minimum_seconds),
      incrementSeconds: Number(r.increment_seconds),
      ...(r.effective_from !== ALWAYS ? { effectiveFrom: new Date(`${r.effective_from}T00:00:00Z`) } : {}),
    }));
  }

  /** Replaces the deck in one transaction, the plan's row locked so two imports of one plan queue up. */
  async replaceDeck(planId: number, rows: readonly RateDeckRow[]): Promise<RateDeckImportResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = await this.describe(em, planId, true);
      const result = await em.query('DELETE FROM voice_rates WHERE rate_plan_id = ?', [planId]);
      const replaced = Number(result.affectedRows ?? 0);
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        await em.query(
          `INSERT INTO voice_rates (rate_plan_id, direction, prefix, description, rate_micro, minimum_seconds, increment_seconds, effective_from)
           VALUES ?`,
          [
            rows
              .slice(i, i + ROWS_PER_INSERT)
              .map((r) => [
                planId,
                r.direction,
                r.prefix,
                r.description.slice(0, 120),
                r.ratePerMinuteMicro,
                r.minimumSeconds,
                r.incrementSeconds,
                r.effectiveFrom ? r.effectiveFrom.toISOString().slice(0, 10) : ALWAYS,
              ]),
          ],
        );
      }
      // The plan's updated_at tells an import running beside this one that its deck changed.
      await em.query('UPDATE voice_rate_plans SET updated_at = CURRENT_TIMESTAMP(3) WHERE id = ?', [planId]);
      const inbound = rows.filter((r) => r.direction === 'inbound').length;
      const answer = { ratePlanId: planId, rates: rows.length, inbound, outbound: rows.length - inbound, replaced };
      await this.audit.recordAction(em, {
        action: 'voice_rate_plan.import_deck',
        entityType: ENTITY,
        entityId: planId,
        before: { name: before.name, rates: before.rates },
        after: { name: before.name, ...answer },
      });
      return answer;
    });
  }

  private async describe(em: EntityManager, id: number, lock = false): Promise<RatePlanResponseDto> {
    if (lock) await em.query('SELECT id FROM voice_rate_plans WHERE id = ? FOR UPDATE', [id]);
    const [row]: PlanRow[] = await em.query(`SELECT ${PLAN_COLUMNS} FROM voice_rate_plans p WHERE p.id = ?`, [id]);
    if (!row) throw new NotFoundException('Rate plan', id);
    return toPlan(row);
  }
}

function nameTaken(name: string): ConflictException {
  return new ConflictException(VoiceErrorCode.RatePlanNameTaken, `A rate plan named "${name}" already exists`, [
    { field: 'name', rule: 'unique', message: 'name is already used by another rate plan' },
  ]);
}
