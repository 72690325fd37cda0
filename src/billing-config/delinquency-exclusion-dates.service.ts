import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import { DelinquencyExclusionDate } from './delinquency-exclusion-date.entity';
import {
  CreateDelinquencyExclusionDateDto,
  DelinquencyExclusionDateDto,
  DelinquencyExclusionDateFilterDto,
  ExclusionDateSortField,
  UpdateDelinquencyExclusionDateDto,
} from './dto/delinquency-exclusion-date.dto';
import { BillingConfigErrorCode } from './billing-config.error-codes';

const SORT_COLUMNS: Record<ExclusionDateSortField, string> = { id: 'd.id', date: 'd.date' };

function toResponse(row: DelinquencyExclusionDate): DelinquencyExclusionDateDto {
  return {
    id: row.id,
    date: row.date,
    reason: row.reason,
    repeatsYearly: Boolean(row.repeatsYearly),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function dateTaken(date: string): ConflictException {
  return new ConflictException(BillingConfigErrorCode.ExclusionDateTaken, `${date} is already a day without delinquency`, [
    { field: 'date', rule: 'unique', message: `${date} is already in the list` },
  ]);
}

function isDuplicateDate(err: unknown): boolean {
  return isDuplicateKey(err, 'uq_delinquency_exclusion_dates_date');
}

/** Days on which no account is made delinquent, whatever the weekday settings say. */
@Injectable()
export class DelinquencyExclusionDatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async isExcluded(em: EntityManager, date: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM delinquency_exclusion_dates
        WHERE date = ? OR (repeats_yearly = 1 AND DATE_FORMAT(date, '%m-%d') = ?) LIMIT 1`,
      [date, date.slice(5)],
    );
    return rows.length > 0;
  }

  async list(
    query: ListQuery<DelinquencyExclusionDateFilterDto, ExclusionDateSortField>,
  ): Promise<ListResult<DelinquencyExclusionDateDto>> {
    const qb = this.db.getRepository(DelinquencyExclusionDate).createQueryBuilder('d');
    if (query.filter.id?.length) qb.andWhere('d.id IN (:...ids)', { ids: query.filter.id });
    if (query.filter.from) qb.andWhere('d.date >= :from', { from: query.filter.from });
    if (query.filter.to) qb.andWhere('d.date <= :to', { to: query.filter.to });
    qb.orderBy(SORT_COLUMNS[query.sort.field], query.sort.order).addOrderBy('d.id', 'ASC').skip(query.offset).take(query.limit);
    const [rows, total] = await qb.getManyAndCount();
    return new ListResult('delinquency-exclusion-dates', rows.map(toResponse), total, query.offset);
  }

  async get(id: number): Promise<DelinquencyExclusionDateDto> {
    return toResponse(await this.load(this.db.manager, id));
  }

  async create(dto: CreateDelinquencyExclusionDateDto): Promise<DelinquencyExclusionDateDto> {
    return transactionWithRetry(this.db, async (em) => {
      if (await em.existsBy(DelinquencyExclusionDate, { date: dto.date })) throw dateTaken(dto.date);
      const row = em.create(DelinquencyExclusionDate, {
        date: dto.date,
        reason: dto.reason || null,
        repeatsYearly: dto.repeatsYearly ?? false,
      });
      try {
        await em.insert(DelinquencyExclusionDate, row);
      } catch (err) {
        if (isDuplicateDate(err)) throw dateTaken(dto.date);
        throw err;
      }
      const after = toResponse(await this.load(em, row.id));
      await this.audit.recordAction(em, {
        action: 'create',
        entityType: 'delinquency_exclusion_date',
        entityId: row.id,
        after: { ...after },
      });
      return after;
    });
  }

  async update(id: number, dto: UpdateDelinquencyExclusionDateDto): Promise<DelinquencyExclusionDateDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = toResponse(await this.load(em, id, true));
      const changes: Partial<DelinquencyExclusionDate> = {
        ...(dto.date !== undefined && dto.date !== before.date && { date: dto.date }),
        ...(dto.reason !== undefined && (dto.reason || null) !== before.reason && { reason: dto.reason || null }),
        ...(dto.repeatsYearly !== undefined && dto.repeatsYearly !== before.repeatsYearly && { repeatsYearly: dto.repeatsYearly }),
      };
      if (!Object.keys(changes).length) return before;
      if (changes.date !== undefined) {
        const holder = await em.findOneBy(DelinquencyExclusionDate, { date: changes.date });
        if (holder && holder.id !== id) throw dateTaken(changes.date);
      }
      try {
        await em.update(DelinquencyExclusionDate, { id }, changes);
      } catch (err) {
        if (isDuplicateDate(err) && changes.date !== undefined) throw dateTaken(changes.date);
        throw err;
      }
      const after = toResponse(await this.load(em, id));
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'delinquency_exclusion_date',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async remove(id: number): Promise<DelinquencyExclusionDateDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = toResponse(await this.load(em, id, true));
      await em.delete(DelinquencyExclusionDate, { id });
      await this.audit.recordAction(em, {
        action: 'delete',
        entityType: 'delinquency_exclusion_date',
        entityId: id,
        before: { ...before },
      });
      return before;
    });
  }

  private async load(em: EntityManager, id: number, lock = false): Promise<DelinquencyExclusionDate> {
    const row = await em.findOne(DelinquencyExclusionDate, {
      where: { id },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!row) throw new NotFoundException('Delinquency exclusion date', id);
    return row;
  }
}
