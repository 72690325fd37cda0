import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BadInputException, ConflictException, FieldError, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { transactionWithRetry } from '../database/transaction';
import { isDuplicateKey } from '../database/duplicate-key';
import { CatalogService, isStillReferenced, RECURRING_KINDS } from './catalog.service';
import {
  CreatePackageDto,
  PackageFilterDto,
  PackageItemDto,
  PackageResponseDto,
  PackageSortField,
  UpdatePackageDto,
} from './dto/package.dto';
import { PackageItem } from './package-item.entity';
import { ServicePackage } from './service-package.entity';
import { CatalogErrorCode } from './catalog.error-codes';

/** Bundles of recurring services, each at the package's own unit price. */
@Injectable()
export class PackagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<PackageFilterDto, PackageSortField>): Promise<ListResult<PackageResponseDto>> {
    const qb = this.db.getRepository(ServicePackage).createQueryBuilder('p');
    const { active, q, id } = query.filter;
    if (active !== undefined) qb.andWhere('p.active = :active', { active });
    if (q) qb.andWhere('p.name LIKE :q', { q: `%${q.replace(/[%_\\]/g, '\\$&')}%` });
    if (id?.length) qb.andWhere('p.id IN (:...ids)', { ids: id });
    qb.orderBy(query.sort.field === 'name' ? 'p.name' : 'p.id', query.sort.order)
      .addOrderBy('p.id', query.sort.order)
      .skip(query.offset)
      .take(query.limit);
    const [rows, total] = await qb.getManyAndCount();
    const described = await this.catalog.packagesByIds(
      this.db.manager,
      rows.map((r) => r.id),
    );
    const items = rows.map((r) => described.get(r.id)).filter((p): p is PackageResponseDto => p !== undefined);
    return new ListResult('packages', items, total, query.offset);
  }

  async get(id: number): Promise<PackageResponseDto> {
    return this.describe(this.db.manager, id);
  }

  async create(dto: CreatePackageDto): Promise<PackageResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.assertNameFree(em, dto.name, null);
      const items = await this.resolveItems(em, dto.items, new Set());
      const pkg = em.create(ServicePackage, { name: dto.name, active: dto.active ?? true });
      try {
        await em.insert(ServicePackage, pkg);
      } catch (err) {
        if (isDuplicateKey(err, 'uq_packages_name')) throw nameTaken(dto.name);
        throw err;
      }
      await em.insert(
        PackageItem,
        items.map((i) => ({ ...i, packageId: pkg.id })),
      );
      const after = await this.describe(em, pkg.id);
      await this.audit.recordAction(em, { action: 'create', entityType: 'package', entityId: pkg.id, after: { ...after } });
      return after;
    });
  }

  async update(id: number, dto: UpdatePackageDto): Promise<PackageResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = await this.describe(em, id, true);
      if (dto.name !== undefined && dto.name !== before.name) await this.assertNameFree(em, dto.name, id);
      const items = dto.items && (await this.resolveItems(em, dto.items, new Set(before.items.map((i) => i.serviceId))));
      const changes = {
        ...(dto.name !== undefined && { name: dto.name }),
        ...(dto.active !== undefined && { active: dto.active }),
      };
      try {
        if (Object.keys(changes).length) await em.update(ServicePackage, { id }, changes);
      } catch (err) {
        if (isDuplicateKey(err, 'uq_packages_name')) throw nameTaken(dto.name ?? before.name);
        throw err;
      }
      if (items) {
        await em.delete(PackageItem, { packageId: id });
        await em.insert(
          PackageItem,
          items.map((i) => ({ ...i, packageId: id })),
        );
      }
      const after = await this.describe(em, id);
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'package',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  /** A package an account has had stays for the ledger's sake; deactivate it instead. */
  async remove(id: number): Promise<PackageResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = await this.describe(em, id, true);
      try {
        await em.delete(ServicePackage, { id });
      } catch (err) {
        if (!isStillReferenced(err)) throw err;
        throw new ConflictException(
          CatalogErrorCode.PackageInUse,
          `Package "${before.name}" has been used on accounts, so it must stay for their history; deactivate it instead`,
        );
      }
      await this.audit.recordAction(em, { action: 'delete', entityType: 'package', entityId: id, before: { ...before } });
      return before;
    });
  }

  private async describe(em: EntityManager, id: number, lock = false): Promise<PackageResponseDto> {
    if (lock) await em.findOne(ServicePackage, { where: { id }, lock: { mode: 'pessimistic_write' } });
    const pkg = (await this.catalog.packagesByIds(em, [id])).get(id);
    if (!pkg) throw new NotFoundException('Package', id);
    return pkg;
  }

  /**
   * Checks every item and reports all problems at once. The services are read under a
   * shared lock so none can turn non-recurring between this check and our insert.
   * An inactive service may stay in a package that already has it, but not be added anew.
   */
  private async resolveItems(em: EntityManager, items: PackageItemDto[], current: Set<number>): Promise<Omit<PackageItem, 'packageId'>[]> {
    const services = await this.catalog.servicesByIds(
      em,
      items.map((i) => i.serviceId),
      { lock: true },
    );
    const errors: FieldError[] = [];
    const firstIndex = new Map<number, number>();
    const resolved = items.map((item, i) => {
      const field = `items.${i}.serviceId`;
      const service = services.get(item.serviceId);
      const earlier = firstIndex.get(item.serviceId);
      if (earlier !== undefined) {
        errors.push({ field, rule: 'unique', message: `${field}: the service is already items.${earlier}; raise its quantity instead` });
      } else if (!service) {
        errors.push({ field, rule: 'exists', message: `${field}: service ${item.serviceId} does not exist` });
      } else if (!RECURRING_KINDS.includes(service.kind)) {
        errors.push({
          field,
          rule: 'recurring',
          message: `${field}: ${service.name} is a ${service.kind} service; packages hold only recurring, data and voice services`,
        });
      } else if (!service.active && !current.has(service.id)) {
        errors.push({ field, rule: 'active', message: `${field}: ${service.name} is no longer offered` });
      }
      firstIndex.set(item.serviceId, earlier ?? i);
      return { serviceId: item.serviceId, quantity: item.quantity ?? 1, price: item.price ?? service?.price ?? 0 };
    });
    if (errors.length) throw new BadInputException(errors);
    return resolved;
  }

  private async assertNameFree(em: EntityManager, name: string, exceptId: number | null): Promise<void> {
    const holder = await em.findOneBy(ServicePackage, { name });
    if (holder && holder.id !== exceptId) throw nameTaken(name);
  }
}

function nameTaken(name: string): ConflictException {
  return new ConflictException(CatalogErrorCode.PackageNameTaken, `A package named "${name}" already exists`, [
    { field: 'name', rule: 'unique', message: 'name is already used by another package' },
  ]);
}
