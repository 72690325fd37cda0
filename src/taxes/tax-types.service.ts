import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { transactionWithRetry } from '../database/transaction';
import { CreateTaxTypeDto, TaxTypeFilterDto, TaxTypeResponseDto, TaxTypeSortField, UpdateTaxTypeDto } from './dto/tax-type.dto';
import { isDuplicateKey } from '../database/duplicate-key';
import { isStillReferenced, nameTaken } from './tax-errors';
import { TaxType } from './tax-type.entity';
import { Tax } from './tax.entity';
import { TaxesErrorCode } from './taxes.error-codes';

export function toTaxTypeResponse(type: TaxType): TaxTypeResponseDto {
  return { id: type.id, name: type.name };
}

const escapeLike = (text: string) => `%${text.replace(/[%_\\]/g, '\\$&')}%`;

/** Tax types: a unique name, and no deleting one that taxes still belong to. */
@Injectable()
export class TaxTypesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<TaxTypeFilterDto, TaxTypeSortField>): Promise<ListResult<TaxTypeResponseDto>> {
    const qb = this.db.getRepository(TaxType).createQueryBuilder('t');
    if (query.filter.q) qb.andWhere('t.name LIKE :q', { q: escapeLike(query.filter.q) });
    if (query.filter.id?.length) qb.andWhere('t.id IN (:...ids)', { ids: query.filter.id });
    qb.orderBy(query.sort.field === 'name' ? 't.name' : 't.id', query.sort.order)
      .addOrderBy('t.id', query.sort.order)
      .skip(query.offset)
      .take(query.limit);
    const [rows, total] = await qb.getManyAndCount();
    return new ListResult('tax-types', rows.map(toTaxTypeResponse), total, query.offset);
  }

  async get(id: number): Promise<TaxTypeResponseDto> {
    return toTaxTypeResponse(await this.load(this.db.manager, id));
  }

  async create(dto: CreateTaxTypeDto): Promise<TaxTypeResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.assertNameFree(em, dto.name, null);
      const id = await this.insert(em, dto.name);
      const after = toTaxTypeResponse(await this.load(em, id));
      await this.audit.recordAction(em, { action: 'create', entityType: 'tax_type', entityId: id, after: { ...after } });
      return after;
    });
  }

  async update(id: number, dto: UpdateTaxTypeDto): Promise<TaxTypeResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = toTaxTypeResponse(await this.load(em, id, true));
      if (dto.name !== undefined && dto.name !== before.name) {
        await this.assertNameFree(em, dto.name, id);
        await this.rename(em, id, dto.name);
      }
      const after = toTaxTypeResponse(await this.load(em, id));
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'tax_type',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async remove(id: number): Promise<TaxTypeResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = toTaxTypeResponse(await this.load(em, id, true));
      const taxes = await em.countBy(Tax, { taxTypeId: id });
      if (taxes > 0) {
        throw new ConflictException(
          TaxesErrorCode.TaxTypeInUse,
          `Tax type "${before.name}" cannot be deleted: ${taxes} tax(es) still belong to it`,
        );
      }
      try {
        await em.delete(TaxType, { id });
      } catch (err) {
        // A tax added since the count, by a transaction that committed first.
        if (isStillReferenced(err))
          throw new ConflictException(TaxesErrorCode.TaxTypeInUse, `Tax type "${before.name}" cannot be deleted: taxes still belong to it`);
        throw err;
      }
      await this.audit.recordAction(em, { action: 'delete', entityType: 'tax_type', entityId: id, before: { ...before } });
      return before;
    });
  }

  private async insert(em: EntityManager, name: string): Promise<number> {
    try {
      const result = await em.insert(TaxType, { name });
      return Number(result.identifiers[0].id);
    } catch (err) {
      if (isDuplicateKey(err, 'uq_tax_types_name')) throw nameTaken(TaxesErrorCode.TaxTypeNameTaken, 'tax type', name);
      throw err;
    }
  }

  private async rename(em: EntityManager, id: number, name: string): Promise<void> {
    try {
      await em.update(TaxType, { id }, { name });
    } catch (err) {
      if (isDuplicateKey(err, 'uq_tax_types_name')) throw nameTaken(TaxesErrorCode.TaxTypeNameTaken, 'tax type', name);
      throw err;
    }
  }

  private async load(em: EntityManager, id: number, lock = false): Promise<TaxType> {
    const row = await em.findOne(TaxType, { where: { id }, ...(lock && { lock: { mode: 'pessimistic_write' as const } }) });
    if (!row) throw new NotFoundException('Tax type', id);
    return row;
  }

  private async assertNameFree(em: EntityManager, name: string, exceptId: number | null): Promise<void> {
    const holder = await em.findOneBy(TaxType, { name });
    if (holder && holder.id !== exceptId) throw nameTaken(TaxesErrorCode.TaxTypeNameTaken, 'tax type', name);
  }
}
