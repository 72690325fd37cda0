import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { transactionWithRetry } from '../database/transaction';
import { AccountTaxOverride } from './account-tax-override.entity';
import { CreateTaxDto, TaxFilterDto, TaxResponseDto, TaxSortField, UpdateTaxDto } from './dto/tax.dto';
import { isDuplicateKey } from '../database/duplicate-key';
import { isStillReferenced, nameTaken, shareLockName } from './tax-errors';
import { Tax } from './tax.entity';
import { TaxZone } from './tax-zone.entity';
import { toTaxZoneResponse } from './tax-zones.service';
import { TaxesErrorCode } from './taxes.error-codes';

const SORT_COLUMNS: Record<TaxSortField, string> = { id: 't.id', name: 't.name', rateE4: 't.rate_e4', taxTypeId: 't.tax_type_id' };
const ZONE_COUNT = '(SELECT COUNT(*) FROM tax_zones z WHERE z.tax_id = t.id)';

interface TaxRow {
  id: number;
  name: string;
  tax_type_id: number;
  tax_type_name: string;
  rate_e4: number;
  active: number;
  zone_count: number;
}

function toTaxResponse(r: TaxRow): TaxResponseDto {
  const zoneCount = Number(r.zone_count);
  return {
    id: Number(r.id),
    name: r.name,
    taxTypeId: Number(r.tax_type_id),
    taxTypeName: r.tax_type_name,
    rateE4: Number(r.rate_e4),
    active: Number(r.active) === 1,
    geographic: zoneCount > 0,
    zoneCount,
  };
}

const escapeLike = (text: string) => `%${text.replace(/[%_\\]/g, '\\$&')}%`;

function unknownTaxType(taxTypeId: number): BadInputException {
  return new BadInputException([{ field: 'taxTypeId', rule: 'exists', message: `taxTypeId ${taxTypeId} is not a tax type` }]);
}

/**
 * Taxes and their rates. Deleting a tax takes its zones with it, but is refused while an
 * account has an exception for it, a service carries it or a charge was taxed with it:
 * those rows record what customers were or will be charged.
 */
@Injectable()
export class TaxesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<TaxFilterDto, TaxSortField>): Promise<ListResult<TaxResponseDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (condition: string, ...values: unknown[]) => {
      where.push(condition);
      params.push(...values);
    };
    const { q, id, taxTypeId, active, geographic } = query.filter;
    if (q) add('t.name LIKE ?', escapeLike(q));
    if (id?.length) add('t.id IN (?)', id);
    if (taxTypeId !== undefined) add('t.tax_type_id = ?', taxTypeId);
    if (active !== undefined) add('t.active = ?', active ? 1 : 0);
    if (geographic !== undefined) add(`${geographic ? '' : 'NOT '}EXISTS (SELECT 1 FROM tax_zones z WHERE z.tax_id = t.id)`);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }] = await this.db.query(`SELECT COUNT(*) AS n FROM taxes t ${whereSql}`, params);
    const rows: TaxRow[] = await this.db.query(
      `${this.selectSql()} ${whereSql} ORDER BY ${SORT_COLUMNS[query.sort.field]} ${query.sort.order}, t.id ${query.sort.order} LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    return new ListResult('taxes', rows.map(toTaxResponse), Number(n), query.offset);
  }

  async get(id: number): Promise<TaxResponseDto> {
    return this.describe(this.db.manager, id);
  }

  async create(dto: CreateTaxDto): Promise<TaxResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.assertTypeExists(em, dto.taxTypeId);
      await this.assertNameFree(em, dto.name, null);
      const values = { name: dto.name, taxTypeId: dto.taxTypeId, rateE4: dto.rateE4, active: dto.active ?? true };
      let id: number;
      try {
        id = Number((await em.insert(Tax, values)).identifiers[0].id);
      } catch (err) {
        if (isDuplicateKey(err, 'uq_taxes_name')) throw nameTaken(TaxesErrorCode.TaxNameTaken, 'tax', dto.name);
        throw err;
      }
      const after = await this.describe(em, id);
      await this.audit.recordAction(em, { action: 'create', entityType: 'tax', entityId: id, after: { ...after } });
      return after;
    });
  }

  async update(id: number, dto: UpdateTaxDto): Promise<TaxResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.lock(em, id);
      const before = await this.describe(em, id);
      if (dto.taxTypeId !== undefined) await this.assertTypeExists(em, dto.taxTypeId);
      if (dto.name !== undefined) await this.assertNameFree(em, dto.name, id);
      const changes: Partial<Tax> = {
        ...(dto.name !== undefined && { name: dto.name }),
        ...(dto.taxTypeId !== undefined && { taxTypeId: dto.taxTypeId }),
        ...(dto.rateE4 !== undefined && { rateE4: dto.rateE4 }),
        ...(dto.active !== undefined && { active: dto.active }),
      };
      try {
        if (Object.keys(changes).length) await em.update(Tax, { id }, changes);
      } catch (err) {
        if (isDuplicateKey(err, 'uq_taxes_name')) throw nameTaken(TaxesErrorCode.TaxNameTaken, 'tax', dto.name ?? '');
        throw err;
      }
      const after = await this.describe(em, id);
      await this.audit.recordAction(em, { action: 'update', entityType: 'tax', entityId: id, before: { ...before }, after: { ...after } });
      return after;
    });
  }

  async remove(id: number): Promise<TaxResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.lock(em, id);
      const before = await this.describe(em, id);
      const overrides = await em.countBy(AccountTaxOverride, { taxId: id });
      if (overrides > 0) {
        throw new ConflictException(
          TaxesErrorCode.TaxInUse,
          `Tax "${before.name}" cannot be deleted: ${overrides} account(s) have their own rate or an exemption for it. Remove those first, or make the tax inactive.`,
        );
      }
      const zones = await em.find(TaxZone, { where: { taxId: id }, order: { id: 'ASC' } });
      try {
        await em.delete(Tax, { id });
      } catch (err) {
        if (isStillReferenced(err)) {
          throw new ConflictException(
            TaxesErrorCode.TaxInUse,
            `Tax "${before.name}" cannot be deleted: services carry it or charges were taxed with it. Make it inactive instead.`,
          );
        }
        throw err;
      }
      // The zones went with the tax (ON DELETE CASCADE); each still gets its own entry.
      for (const zone of zones) {
        await this.audit.recordAction(em, {
          action: 'delete',
          entityType: 'tax_zone',
          entityId: zone.id,
          before: { ...toTaxZoneResponse(zone, before.name) },
        });
      }
      await this.audit.recordAction(em, { action: 'delete', entityType: 'tax', entityId: id, before: { ...before } });
      return before;
    });
  }

  private selectSql(): string {
    return `SELECT t.id, t.name, t.tax_type_id, ty.name AS tax_type_name, t.rate_e4, t.active, ${ZONE_COUNT} AS zone_count
              FROM taxes t JOIN tax_types ty ON ty.id = t.tax_type_id`;
  }

  private async describe(em: EntityManager, id: number): Promise<TaxResponseDto> {
    const [row]: TaxRow[] = await em.query(`${this.selectSql()} WHERE t.id = ?`, [id]);
    if (!row) throw new NotFoundException('Tax', id);
    return toTaxResponse(row);
  }

  private async lock(em: EntityManager, id: number): Promise<void> {
    const row = await em.findOne(Tax, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new NotFoundException('Tax', id);
  }

  private async assertTypeExists(em: EntityManager, taxTypeId: number): Promise<void> {
    if ((await shareLockName(em, 'tax_types', taxTypeId)) === null) throw unknownTaxType(taxTypeId);
  }

  private async assertNameFree(em: EntityManager, name: string, exceptId: number | null): Promise<void> {
    const holder = await em.findOneBy(Tax, { name });
    if (holder && holder.id !== exceptId) throw nameTaken(TaxesErrorCode.TaxNameTaken, 'tax', name);
  }
}
