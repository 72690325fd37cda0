import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BadInputException, ConflictException, FieldError, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import { AdjustmentSide, BillableService, IncludedMinutesScope, ServiceKind } from './billable-service.entity';
import { CreateServiceDto, ServiceFilterDto, ServiceResponseDto, ServiceSortField, UpdateServiceDto } from './dto/service.dto';
import { PackageItem } from './package-item.entity';
import { ServicePackage } from './service-package.entity';
import { ServiceTax } from './service-tax.entity';
import { CatalogErrorCode } from './catalog.error-codes';

export type { AdjustmentSide, ServiceKind } from './billable-service.entity';

/** Kinds billed every period, and the only ones a package may hold. */
export const RECURRING_KINDS: ServiceKind[] = ['recurring', 'data', 'voice'];

export interface CatalogServiceRecord {
  id: number;
  name: string;
  kind: ServiceKind;
  adjustmentSide: AdjustmentSide | null;
  price: number;
  downloadKbps: number | null;
  uploadKbps: number | null;
  usagePolicyId: number | null;
  voiceRatePlanId: number | null;
  includedMinutes: number | null;
  includedMinutesScope: IncludedMinutesScope | null;
  ledgerCode: string;
  active: boolean;
  taxIds: number[];
}

export interface CatalogPackageItemRecord {
  serviceId: number;
  quantity: number;
  price: number;
  service: CatalogServiceRecord;
}

export interface CatalogPackageRecord {
  id: number;
  name: string;
  active: boolean;
  items: CatalogPackageItemRecord[];
}

export function toServiceRecord(service: BillableService, taxIds: number[]): CatalogServiceRecord {
  return {
    id: service.id,
    name: service.name,
    kind: service.kind,
    adjustmentSide: service.adjustmentSide,
    price: service.price,
    downloadKbps: service.downloadKbps,
    uploadKbps: service.uploadKbps,
    usagePolicyId: service.usagePolicyId,
    voiceRatePlanId: service.voiceRatePlanId,
    includedMinutes: service.includedMinutes,
    includedMinutesScope: service.includedMinutesScope,
    ledgerCode: service.ledgerCode,
    active: service.active,
    taxIds: [...taxIds].sort((a, b) => a - b),
  };
}

type KindFields = Pick<
  CatalogServiceRecord,
  | 'kind'
  | 'adjustmentSide'
  | 'downloadKbps'
  | 'uploadKbps'
  | 'usagePolicyId'
  | 'voiceRatePlanId'
  | 'includedMinutes'
  | 'includedMinutesScope'
>;

const VOICE_FIELDS = ['voiceRatePlanId', 'includedMinutes', 'includedMinutesScope'] as const;

/**
 * The columns that belong to one kind only: filled for that kind, empty for every other. A voice
 * service's rate plan may stay empty only where an older service never had one (`ratePlanRequired` false).
 */
function kindErrors(s: KindFields, ratePlanRequired = true): FieldError[] {
  const errors: FieldError[] = [];
  if (s.kind === 'adjustment' && s.adjustmentSide === null) {
    errors.push({
      field: 'adjustmentSide',
      rule: 'required',
      message: 'adjustmentSide (debit or credit) is required for an adjustment service',
    });
  }
  if (s.kind !== 'adjustment' && s.adjustmentSide !== null) {
    errors.push({ field: 'adjustmentSide', rule: 'notAllowed', message: `only adjustment services have a side, not a ${s.kind} service` });
  }
  for (const field of ['downloadKbps', 'uploadKbps'] as const) {
    if (s.kind === 'data' && s[field] === null) {
      errors.push({ field, rule: 'required', message: `${field} is required for a data service` });
    }
    if (s.kind !== 'data' && s[field] !== null) {
      errors.push({ field, rule: 'notAllowed', message: `only data services have speeds, not a ${s.kind} service` });
    }
  }
  if (s.kind !== 'data' && s.usagePolicyId !== null) {
    errors.push({ field: 'usagePolicyId', rule: 'notAllowed', message: `only data services have a usage policy, not a ${s.kind} service` });
  }
  if (s.kind === 'voice' && s.voiceRatePlanId === null && ratePlanRequired) {
    errors.push({
      field: 'voiceRatePlanId',
      rule: 'required',
      message: 'voiceRatePlanId (the rate plan calls are priced by) is required for a voice service',
    });
  }
  for (const field of VOICE_FIELDS) {
    if (s.kind !== 'voice' && s[field] !== null) {
      errors.push({ field, rule: 'notAllowed', message: `only voice services have ${field}, not a ${s.kind} service` });
    }
  }
  return errors;
}

/** A voice service's included minutes and their scope, 0 and all unless given; nothing for other kinds. */
function voiceDefaults(fields: KindFields): KindFields {
  if (fields.kind !== 'voice') return fields;
  return { ...fields, includedMinutes: fields.includedMinutes ?? 0, includedMinutesScope: fields.includedMinutesScope ?? 'all' };
}

/** A foreign key elsewhere (an account's service, a transaction, a setting) still points at the row. */
export function isStillReferenced(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'ER_ROW_IS_REFERENCED_2' || code === 'ER_ROW_IS_REFERENCED';
}

const SORT_COLUMNS: Record<ServiceSortField, string> = { id: 's.id', name: 's.name', kind: 's.kind', price: 's.price' };

/**
 * The catalogue of services, and the look-ups billing uses to price and tax a line.
 * Services that have been billed stay for the ledger's sake; they are deactivated, not deleted.
 */
@Injectable()
export class CatalogService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Throws a 400 naming `field` when the service does not exist. */
  async requireService(em: EntityManager, id: number, field: string): Promise<CatalogServiceRecord> {
    const service = (await this.servicesByIds(em, [id])).get(id);
    if (!service) throw new BadInputException([{ field, rule: 'exists', message: `${field}: service ${id} does not exist` }]);
    return service;
  }

  /** Throws a 400 naming `field` when the package does not exist. */
  async requirePackage(em: EntityManager, id: number, field: string): Promise<CatalogPackageRecord> {
    const pkg = (await this.packagesByIds(em, [id])).get(id);
    if (!pkg) throw new BadInputException([{ field, rule: 'exists', message: `${field}: package ${id} does not exist` }]);
    return pkg;
  }

  async servicesByIds(em: EntityManager, ids: number[], opts: { lock?: boolean } = {}): Promise<Map<number, CatalogServiceRecord>> {
    const wanted = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
    if (!wanted.length) return new Map();
    // Written by hand: TypeORM's shared lock is MySQL 8's FOR SHARE, which MariaDB does not parse.
    if (opts.lock) await em.query('SELECT id FROM services WHERE id IN (?) LOCK IN SHARE MODE', [wanted]);
    const rows = await em.find(BillableService, { where: { id: In(wanted) } });
    const taxes = await this.taxIdsOf(
      em,
      rows.map((r) => r.id),
    );
    return new Map(rows.map((r) => [r.id, toServiceRecord(r, taxes.get(r.id) ?? [])]));
  }

  /** Packages with their items in service-id order, each item carrying its full service. */
  async packagesByIds(em: EntityManager, ids: number[]): Promise<Map<number, CatalogPackageRecord & { total: number }>> {
    const wanted = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
    if (!wanted.length) return new Map();
    const packages = await em.find(ServicePackage, { where: { id: In(wanted) } });
    if (!packages.length) return new Map();
    const items = await em.find(PackageItem, {
      where: { packageId: In(packages.map((p) => p.id)) },
      order: { packageId: 'ASC', serviceId: 'ASC' },
    });
    const services = await this.servicesByIds(
      em,
      items.map((i) => i.serviceId),
    );
    return new Map(
      packages.map((p) => {
        const own = items
          .filter((i) => i.packageId === p.id)
          .map((i) => ({
            serviceId: i.serviceId,
            quantity: i.quantity,
            price: i.price,
            service: services.get(i.serviceId) as CatalogServiceRecord,
          }));
        return [
          p.id,
          { id: p.id, name: p.name, active: p.active, total: own.reduce((sum, i) => sum + i.price * i.quantity, 0), items: own },
        ];
      }),
    );
  }

  async list(query: ListQuery<ServiceFilterDto, ServiceSortField>): Promise<ListResult<ServiceResponseDto>> {
    const qb = this.db.getRepository(BillableService).createQueryBuilder('s');
    const { kind, active, q, id } = query.filter;
    if (kind) qb.andWhere('s.kind = :kind', { kind });
    if (active !== undefined) qb.andWhere('s.active = :active', { active });
    if (q) qb.andWhere('s.name LIKE :q', { q: `%${q.replace(/[%_\\]/g, '\\$&')}%` });
    if (id?.length) qb.andWhere('s.id IN (:...ids)', { ids: id });
    qb.orderBy(SORT_COLUMNS[query.sort.field], query.sort.order).addOrderBy('s.id', query.sort.order).skip(query.offset).take(query.limit);
    const [rows, total] = await qb.getManyAndCount();
    const taxes = await this.taxIdsOf(
      this.db.manager,
      rows.map((r) => r.id),
    );
    return new ListResult(
      'services',
      rows.map((r) => toServiceRecord(r, taxes.get(r.id) ?? [])),
      total,
      query.offset,
    );
  }

  async get(id: number): Promise<ServiceResponseDto> {
    const service = (await this.servicesByIds(this.db.manager, [id])).get(id);
    if (!service) throw new NotFoundException('Service', id);
    return service;
  }

  async create(dto: CreateServiceDto): Promise<ServiceResponseDto> {
    const fields = {
      kind: dto.kind,
      adjustmentSide: dto.adjustmentSide ?? null,
      downloadKbps: dto.downloadKbps ?? null,
      uploadKbps: dto.uploadKbps ?? null,
      usagePolicyId: dto.usagePolicyId ?? null,
      voiceRatePlanId: dto.voiceRatePlanId ?? null,
      includedMinutes: dto.includedMinutes ?? null,
      includedMinutesScope: dto.includedMinutesScope ?? null,
    };
    const errors = kindErrors(fields);
    if (errors.length) throw new BadInputException(errors);
    Object.assign(fields, voiceDefaults(fields));
    return transactionWithRetry(this.db, async (em) => {
      await this.assertNameFree(em, dto.name, null);
      await this.assertPolicyExists(em, fields.usagePolicyId);
      await this.assertRatePlanExists(em, fields.voiceRatePlanId);
      const taxIds = dto.taxIds ?? [];
      await this.assertTaxesExist(em, taxIds);
      const service = em.create(BillableService, {
        ...fields,
        name: dto.name,
        price: dto.price,
        ledgerCode: dto.ledgerCode,
        active: dto.active ?? true,
      });
      await this.insertNamed(em, service, dto.name);
      await this.replaceTaxes(em, service.id, taxIds);
      const after = await this.describe(em, service.id);
      await this.audit.recordAction(em, { action: 'create', entityType: 'service', entityId: service.id, after: { ...after } });
      return after;
    });
  }

  async update(id: number, dto: UpdateServiceDto): Promise<ServiceResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = await this.describe(em, id, true);
      const kind = dto.kind ?? before.kind;
      // A kind change clears what only the old kind used, unless the request says otherwise.
      const keep = <K extends keyof KindFields>(field: K, ownKind: ServiceKind): KindFields[K] =>
        dto[field] !== undefined ? (dto[field] as KindFields[K]) : kind === ownKind ? before[field] : (null as KindFields[K]);
      const fields: KindFields = {
        kind,
        adjustmentSide: keep('adjustmentSide', 'adjustment'),
        downloadKbps: keep('downloadKbps', 'data'),
        uploadKbps: keep('uploadKbps', 'data'),
        usagePolicyId: keep('usagePolicyId', 'data'),
        voiceRatePlanId: keep('voiceRatePlanId', 'voice'),
        includedMinutes: keep('includedMinutes', 'voice'),
        includedMinutesScope: keep('includedMinutesScope', 'voice'),
      };
      // A voice service from before rate plans keeps working without one until someone sets it or takes it off.
      const ratePlanRequired = before.kind !== 'voice' || dto.voiceRatePlanId !== undefined;
      const errors = kindErrors(fields, ratePlanRequired);
      if (errors.length) throw new BadInputException(errors);
      Object.assign(fields, voiceDefaults(fields));
      if (dto.name !== undefined && dto.name !== before.name) await this.assertNameFree(em, dto.name, id);
      if (dto.taxIds !== undefined) await this.assertTaxesExist(em, dto.taxIds);
      if (dto.usagePolicyId !== undefined) await this.assertPolicyExists(em, fields.usagePolicyId);
      if (dto.voiceRatePlanId !== undefined) await this.assertRatePlanExists(em, fields.voiceRatePlanId);
      if (RECURRING_KINDS.includes(before.kind) && !RECURRING_KINDS.includes(kind)) await this.assertMayStopRecurring(em, before, kind);
      const changes: Partial<BillableService> = {
        ...fields,
        ...(dto.name !== undefined && { name: dto.name }),
        ...(dto.price !== undefined && { price: dto.price }),
        ...(dto.ledgerCode !== undefined && { ledgerCode: dto.ledgerCode }),
        ...(dto.active !== undefined && { active: dto.active }),
      };
      try {
        await em.update(BillableService, { id }, changes);
      } catch (err) {
        if (isDuplicateKey(err, 'uq_services_name')) throw nameTaken(dto.name ?? before.name);
        throw err;
      }
      if (dto.taxIds !== undefined) await this.replaceTaxes(em, id, dto.taxIds);
      const after = await this.describe(em, id);
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'service',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  /** usage_policies is the usage domain's, shared for reading: only its existence is asked. */
  private async assertPolicyExists(em: EntityManager, policyId: number | null): Promise<void> {
    if (policyId === null) return;
    const [row]: { id: number }[] = await em.query('SELECT id FROM usage_policies WHERE id = ?', [policyId]);
    if (!row)
      throw new BadInputException([
        { field: 'usagePolicyId', rule: 'exists', message: `usagePolicyId: usage policy ${policyId} does not exist` },
      ]);
  }

  /** voice_rate_plans is the voice domain's, shared for reading: only its existence is asked, under a shared lock so it stays. */
  private async assertRatePlanExists(em: EntityManager, ratePlanId: number | null): Promise<void> {
    if (ratePlanId === null) return;
    const [row]: { id: number }[] = await em.query('SELECT id FROM voice_rate_plans WHERE id = ? LOCK IN SHARE MODE', [ratePlanId]);
    if (!row)
      throw new BadInputException([
        { field: 'voiceRatePlanId', rule: 'exists', message: `voiceRatePlanId: rate plan ${ratePlanId} does not exist` },
      ]);
  }

  /** Only a service never used anywhere can go; anything billed must stay, deactivated, for the ledger. */
  async remove(id: number): Promise<ServiceResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = await this.describe(em, id, true);
      const packages = await this.packageNamesHolding(em, id);
      if (packages.length) {
        throw new ConflictException(
          CatalogErrorCode.ServiceInUse,
          `Service "${before.name}" is part of the package${packages.length > 1 ? 's' : ''} ${packages.join(', ')}; take it out of them first, or deactivate the service instead`,
        );
      }
      try {
        await em.delete(BillableService, { id });
      } catch (err) {
        if (!isStillReferenced(err)) throw err;
        throw new ConflictException(
          CatalogErrorCode.ServiceInUse,
          `Service "${before.name}" has been used on accounts or in billing, so it must stay for their history; deactivate it instead`,
        );
      }
      await this.audit.recordAction(em, { action: 'delete', entityType: 'service', entityId: id, before: { ...before } });
      return before;
    });
  }

  private async describe(em: EntityManager, id: number, lock = false): Promise<CatalogServiceRecord> {
    if (lock) await em.findOne(BillableService, { where: { id }, lock: { mode: 'pessimistic_write' } });
    const service = (await this.servicesByIds(em, [id])).get(id);
    if (!service) throw new NotFoundException('Service', id);
    return service;
  }

  private async taxIdsOf(em: EntityManager, serviceIds: number[]): Promise<Map<number, number[]>> {
    const byService = new Map<number, number[]>();
    if (!serviceIds.length) return byService;
    const links = await em.find(ServiceTax, { where: { serviceId: In(serviceIds) }, order: { taxId: 'ASC' } });
    for (const link of links) byService.set(link.serviceId, [...(byService.get(link.serviceId) ?? []), link.taxId]);
    return byService;
  }

  private async replaceTaxes(em: EntityManager, serviceId: number, taxIds: number[]): Promise<void> {
    await em.delete(ServiceTax, { serviceId });
    if (taxIds.length)
      await em.insert(
        ServiceTax,
        taxIds.map((taxId) => ({ serviceId, taxId })),
      );
  }

  /** Shared locks keep the taxes from being deleted before our links to them are written. */
  private async assertTaxesExist(em: EntityManager, taxIds: number[]): Promise<void> {
    if (!taxIds.length) return;
    const rows: { id: number }[] = await em.query('SELECT id FROM taxes WHERE id IN (?) LOCK IN SHARE MODE', [taxIds]);
    const found = new Set(rows.map((r) => Number(r.id)));
    const missing = taxIds.filter((id) => !found.has(id));
    if (missing.length) {
      throw new BadInputException([{ field: 'taxIds', rule: 'exists', message: `taxIds: no tax with id ${missing.join(', ')}` }]);
    }
  }

  /** A service billed every period cannot become a one-off while a package or an account still bills it that way. */
  private async assertMayStopRecurring(em: EntityManager, before: CatalogServiceRecord, kind: ServiceKind): Promise<void> {
    const packages = await this.packageNamesHolding(em, before.id);
    if (packages.length) {
      throw new ConflictException(
        CatalogErrorCode.ServiceInPackage,
        `Service "${before.name}" is part of ${packages.join(', ')}, and packages hold only recurring, data and voice services; take it out first`,
        [{ field: 'kind', rule: 'recurring', message: `kind cannot become ${kind} while the service is in a package` }],
      );
    }
    const [onAccount] = await em.query('SELECT 1 AS used FROM account_services WHERE service_id = ? LIMIT 1', [before.id]);
    if (onAccount) {
      throw new ConflictException(
        CatalogErrorCode.ServiceInUse,
        `Service "${before.name}" is billed on accounts as a ${before.kind} service; create a new ${kind} service instead`,
        [{ field: 'kind', rule: 'recurring', message: `kind cannot become ${kind} once accounts have the service` }],
      );
    }
  }

  private async packageNamesHolding(em: EntityManager, serviceId: number): Promise<string[]> {
    const rows: { name: string }[] = await em.query(
      `SELECT p.name FROM package_services ps JOIN packages p ON p.id = ps.package_id WHERE ps.service_id = ? ORDER BY p.name`,
      [serviceId],
    );
    return rows.map((r) => `"${r.name}"`);
  }

  private async assertNameFree(em: EntityManager, name: string, exceptId: number | null): Promise<void> {
    const holder = await em.findOneBy(BillableService, { name });
    if (holder && holder.id !== exceptId) throw nameTaken(name);
  }

  private async insertNamed(em: EntityManager, service: BillableService, name: string): Promise<void> {
    try {
      await em.insert(BillableService, service);
    } catch (err) {
      if (isDuplicateKey(err, 'uq_services_name')) throw nameTaken(name);
      throw err;
    }
  }
}

function nameTaken(name: string): ConflictException {
  return new ConflictException(CatalogErrorCode.ServiceNameTaken, `A service named "${name}" already exists`, [
    { field: 'name', rule: 'unique', message: 'name is already used by another service' },
  ]);
}
