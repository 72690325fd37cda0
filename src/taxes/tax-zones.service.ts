import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BadInputException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { transactionWithRetry } from '../database/transaction';
import { CreateTaxZoneDto, TaxZoneFilterDto, TaxZoneResponseDto, TaxZoneSortField, UpdateTaxZoneDto } from './dto/tax-zone.dto';
import { microToDecimal } from './geo-zone';
import { shareLockName } from './tax-errors';
import { TaxZone } from './tax-zone.entity';
import { Tax } from './tax.entity';
import { readZoneGeometry, ReadZone } from './zone-geometry';

export function toTaxZoneResponse(zone: TaxZone, taxName: string): TaxZoneResponseDto {
  return { id: zone.id, name: zone.name, taxId: zone.taxId, taxName, geometry: zone.geometry };
}

const SORT_COLUMNS: Record<TaxZoneSortField, string> = { id: 'z.id', name: 'z.name', taxId: 'z.tax_id' };

function readGeometry(input: unknown): ReadZone {
  const result = readZoneGeometry(input, 'geometry');
  if (!result.ok) throw new BadInputException(result.errors, 'The zone geometry is not a valid GeoJSON Polygon or MultiPolygon');
  return result.zone;
}

/** The columns a geometry fills: the normalised GeoJSON and its bounding box, always together. */
function geometryColumns(zone: ReadZone): Pick<TaxZone, 'geometry' | 'minLat' | 'maxLat' | 'minLng' | 'maxLng'> {
  return {
    geometry: zone.geometry,
    minLat: microToDecimal(zone.bounds.minY),
    maxLat: microToDecimal(zone.bounds.maxY),
    minLng: microToDecimal(zone.bounds.minX),
    maxLng: microToDecimal(zone.bounds.maxX),
  };
}

/** Zones of geographic taxes. A tax with at least one zone applies only to accounts inside one. */
@Injectable()
export class TaxZonesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<TaxZoneFilterDto, TaxZoneSortField>): Promise<ListResult<TaxZoneResponseDto>> {
    const qb = this.db
      .getRepository(TaxZone)
      .createQueryBuilder('z')
      .innerJoin(Tax, 't', 't.id = z.tax_id')
      .addSelect('t.name', 'tax_name');
    if (query.filter.q) qb.andWhere('z.name LIKE :q', { q: `%${query.filter.q.replace(/[%_\\]/g, '\\$&')}%` });
    if (query.filter.id?.length) qb.andWhere('z.id IN (:...ids)', { ids: query.filter.id });
    if (query.filter.taxId) qb.andWhere('z.tax_id = :taxId', { taxId: query.filter.taxId });
    qb.orderBy(SORT_COLUMNS[query.sort.field], query.sort.order)
      .addOrderBy('z.id', query.sort.order)
      .offset(query.offset)
      .limit(query.limit);
    const total = await qb.getCount();
    const { entities, raw } = await qb.getRawAndEntities<{ tax_name: string }>();
    return new ListResult(
      'tax-zones',
      entities.map((zone, i) => toTaxZoneResponse(zone, raw[i].tax_name)),
      total,
      query.offset,
    );
  }

  async get(id: number): Promise<TaxZoneResponseDto> {
    return this.describe(this.db.manager, id);
  }

  async create(dto: CreateTaxZoneDto): Promise<TaxZoneResponseDto> {
    const zone = readGeometry(dto.geometry);
    return transactionWithRetry(this.db, async (em) => {
      await this.assertTaxExists(em, dto.taxId);
      const result = await em.insert(TaxZone, { name: dto.name, taxId: dto.taxId, ...geometryColumns(zone) });
      const id = Number(result.identifiers[0].id);
      const after = await this.describe(em, id);
      await this.audit.recordAction(em, { action: 'create', entityType: 'tax_zone', entityId: id, after: { ...after } });
      return after;
    });
  }

  async update(id: number, dto: UpdateTaxZoneDto): Promise<TaxZoneResponseDto> {
    const zone = dto.geometry === undefined ? null : readGeometry(dto.geometry);
    return transactionWithRetry(this.db, async (em) => {
      await this.lock(em, id);
      const before = await this.describe(em, id);
      if (dto.taxId !== undefined) await this.assertTaxExists(em, dto.taxId);
      const changes: Partial<TaxZone> = {
        ...(dto.name !== undefined && { name: dto.name }),
        ...(dto.taxId !== undefined && { taxId: dto.taxId }),
        ...(zone && geometryColumns(zone)),
      };
      if (Object.keys(changes).length) await em.update(TaxZone, { id }, changes);
      const after = await this.describe(em, id);
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'tax_zone',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async remove(id: number): Promise<TaxZoneResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.lock(em, id);
      const before = await this.describe(em, id);
      await em.delete(TaxZone, { id });
      await this.audit.recordAction(em, { action: 'delete', entityType: 'tax_zone', entityId: id, before: { ...before } });
      return before;
    });
  }

  private async describe(em: EntityManager, id: number): Promise<TaxZoneResponseDto> {
    const zone = await em.findOneBy(TaxZone, { id });
    if (!zone) throw new NotFoundException('Tax zone', id);
    const tax = await em.findOneByOrFail(Tax, { id: zone.taxId });
    return toTaxZoneResponse(zone, tax.name);
  }

  private async lock(em: EntityManager, id: number): Promise<void> {
    const row = await em.findOne(TaxZone, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new NotFoundException('Tax zone', id);
  }

  private async assertTaxExists(em: EntityManager, taxId: number): Promise<void> {
    if ((await shareLockName(em, 'taxes', taxId)) === null)
      throw new BadInputException([{ field: 'taxId', rule: 'exists', message: `taxId ${taxId} is not a tax` }]);
  }
}
