import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CatalogService } from '../catalog/catalog.service';
import { BadInputException, ConflictException, FieldError, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { likeContains } from '../common/sql-like';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import { UsageCapHeadroom } from './cap-headroom';
import {
  CreateUsagePolicyDto,
  UpdateUsagePolicyDto,
  UsagePolicyFilterDto,
  UsagePolicyResponseDto,
  UsagePolicySortField,
} from './dto/usage-policy.dto';
import { freeHourMask, gbToOctets, octetsToGb, policyProblems, UsagePolicy } from './usage-policy';
import { policiesByIds } from './usage-policy-rows';
import { UsageErrorCode } from './usage.error-codes';

const SORT: Record<UsagePolicySortField, string> = { id: 'p.id', name: 'p.name' };

type PolicyFields = Omit<UsagePolicy, 'id'>;

function toResponse(p: UsagePolicy, services: number): UsagePolicyResponseDto {
  const gb = (o: bigint | null) => (o === null ? null : octetsToGb(o));
  return {
    id: p.id,
    name: p.name,
    capGb: gb(p.capOctets),
    atCap: p.atCap,
    overageServiceId: p.overageServiceId,
    overageBlockGb: gb(p.overageBlockOctets),
    slowDownloadKbps: p.slowDownloadKbps,
    slowUploadKbps: p.slowUploadKbps,
    topOffsAllowed: p.topOffsAllowed,
    topOffGb: gb(p.topOffOctets),
    topOffServiceId: p.topOffServiceId,
    rollover: p.rollover,
    rolloverExpiryMonths: p.rolloverExpiryMonths,
    freeWindows: p.freeWindows,
    services,
  };
}

/** The request's fields over what the policy has (nothing, for a new one). */
function merged(dto: CreateUsagePolicyDto | UpdateUsagePolicyDto, before: PolicyFields | null): PolicyFields {
  const pick = <K extends keyof PolicyFields>(key: K, value: PolicyFields[K] | undefined, fallback: PolicyFields[K]): PolicyFields[K] =>
    value !== undefined ? value : before ? before[key] : fallback;
  const octets = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : gbToOctets(v));
  return {
    name: pick('name', dto.name?.trim(), ''),
    capOctets: pick('capOctets', octets(dto.capGb), null),
    atCap: pick('atCap', dto.atCap, 'overage'),
    overageServiceId: pick('overageServiceId', dto.overageServiceId, null),
    overageBlockOctets: pick('overageBlockOctets', octets(dto.overageBlockGb), null),
    slowDownloadKbps: pick('slowDownloadKbps', dto.slowDownloadKbps, null),
    slowUploadKbps: pick('slowUploadKbps', dto.slowUploadKbps, null),
    topOffsAllowed: pick('topOffsAllowed', dto.topOffsAllowed, false),
    topOffOctets: pick('topOffOctets', octets(dto.topOffGb), null),
    topOffServiceId: pick('topOffServiceId', dto.topOffServiceId, null),
    rollover: pick('rollover', dto.rollover, false),
    rolloverExpiryMonths: pick('rolloverExpiryMonths', dto.rolloverExpiryMonths, null),
    freeWindows: pick(
      'freeWindows',
      dto.freeWindows?.map((w) => ({ startHour: w.startHour, endHour: w.endHour })),
      [],
    ),
  };
}

/** Usage-based billing policies: the cap, free hours, overage, top-offs and rollover a data service is sold with. */
@Injectable()
export class UsagePoliciesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
    private readonly headroom: UsageCapHeadroom,
  ) {}

  async list(query: ListQuery<UsagePolicyFilterDto, UsagePolicySortField>): Promise<ListResult<UsagePolicyResponseDto>> {
    const where = ['1 = 1'];
    const params: unknown[] = [];
    if (query.filter.q?.trim()) {
      where.push('p.name LIKE ?');
      params.push(likeContains(query.filter.q.trim()));
    }
    if (query.filter.id?.length) {
      where.push('p.id IN (?)');
      params.push(query.filter.id);
    }
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM usage_policies p WHERE ${where.join(' AND ')}`, params);
    const rows: { id: number }[] = await this.db.query(
      `SELECT p.id FROM usage_policies p WHERE ${where.join(' AND ')} ORDER BY ${SORT[query.sort.field]} ${query.sort.order}, p.id LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    const ids = rows.map((r) => Number(r.id));
    const policies = await policiesByIds(this.db.manager, ids);
    const uses = await this.servicesUsing(this.db.manager, ids);
    const items = ids.map((id) => toResponse(policies.get(id) as UsagePolicy, uses.get(id) ?? 0));
    return new ListResult('usage-policies', items, Number(n), query.offset);
  }

  async get(id: number, em: EntityManager = this.db.manager): Promise<UsagePolicyResponseDto> {
    const policy = (await policiesByIds(em, [id])).get(id);
    if (!policy) throw new NotFoundException('Usage policy', id);
    return this.describe(policy, em);
  }

  /** The response for a policy already read, with the number of services on it. */
  async describe(policy: UsagePolicy, em: EntityManager = this.db.manager): Promise<UsagePolicyResponseDto> {
    return toResponse(policy, (await this.servicesUsing(em, [policy.id])).get(policy.id) ?? 0);
  }

  async create(dto: CreateUsagePolicyDto): Promise<UsagePolicyResponseDto> {
    const fields = merged(dto, null);
    return transactionWithRetry(this.db, async (em) => {
      await this.validate(em, fields);
      const res: { insertId: number } = await this.write(em, () =>
        em.query(
          `INSERT INTO usage_policies (name, cap_octets, at_cap, overage_service_id, overage_block_octets, slow_download_kbps, slow_upload_kbps,
             top_offs_allowed, top_off_octets, top_off_service_id, rollover, rollover_expiry_months, free_hour_mask)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          this.columns(fields),
        ),
      );
      const id = Number(res.insertId);
      await this.writeWindows(em, id, fields);
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'usage_policy.create',
        entityType: 'usage_policy',
        entityId: id,
        before: null,
        after: { ...after },
      });
      return after;
    });
  }

  async update(id: number, dto: UpdateUsagePolicyDto): Promise<UsagePolicyResponseDto> {
    if (Object.values(dto).every((v) => v === undefined)) {
      throw new BadInputException([{ field: 'body', rule: 'nothingToChange', message: 'give at least one field to change' }]);
    }
    return transactionWithRetry(this.db, async (em) => {
      await em.query('SELECT id FROM usage_policies WHERE id = ? FOR UPDATE', [id]);
      const current = (await policiesByIds(em, [id])).get(id);
      if (!current) throw new NotFoundException('Usage policy', id);
      const before = await this.get(id, em);
      const fields = merged(dto, current);
      await this.validate(em, fields);
      await this.write(em, () =>
        em.query(
          `UPDATE usage_policies SET name = ?, cap_octets = ?, at_cap = ?, overage_service_id = ?, overage_block_octets = ?,
             slow_download_kbps = ?, slow_upload_kbps = ?, top_offs_allowed = ?, top_off_octets = ?, top_off_service_id = ?,
             rollover = ?, rollover_expiry_months = ?, free_hour_mask = ? WHERE id = ?`,
          [...this.columns(fields), id],
        ),
      );
      if (dto.freeWindows !== undefined) await this.writeWindows(em, id, fields);
      // The cap, the free hours or what happens at the cap may have changed: every account on it is worked out again.
      await this.headroom.forget(em, { policyId: id });
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'usage_policy.update',
        entityType: 'usage_policy',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async delete(id: number): Promise<UsagePolicyResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await em.query('SELECT id FROM usage_policies WHERE id = ? FOR UPDATE', [id]);
      const before = await this.get(id, em);
      const [{ settled }]: { settled: number }[] = await em.query(
        `SELECT (SELECT COUNT(*) FROM usage_settlements WHERE policy_id = ?) + (SELECT COUNT(*) FROM usage_top_offs WHERE policy_id = ?) AS settled`,
        [id, id],
      );
      if (before.services > 0 || Number(settled) > 0) {
        throw new ConflictException(
          UsageErrorCode.PolicyInUse,
          before.services > 0
            ? `Usage policy "${before.name}" is on ${before.services} data service(s); take it off them first`
            : `Usage policy "${before.name}" has billed periods or top-offs; it is kept for their record`,
        );
      }
      await this.headroom.forget(em, { policyId: id });
      await em.query('DELETE FROM usage_policies WHERE id = ?', [id]);
      await this.audit.recordAction(em, {
        action: 'usage_policy.delete',
        entityType: 'usage_policy',
        entityId: id,
        before: { ...before },
        after: null,
      });
      return before;
    });
  }

  private columns(f: PolicyFields): unknown[] {
    const s = (o: bigint | null) => (o === null ? null : o.toString());
    return [
      f.name,
      s(f.capOctets),
      f.atCap,
      f.overageServiceId,
      s(f.overageBlockOctets),
      f.slowDownloadKbps,
      f.slowUploadKbps,
      f.topOffsAllowed,
      s(f.topOffOctets),
      f.topOffServiceId,
      f.rollover,
      f.rolloverExpiryMonths,
      freeHourMask(f.freeWindows),
    ];
  }

  private async writeWindows(em: EntityManager, id: number, f: PolicyFields): Promise<void> {
    await em.query('DELETE FROM usage_policy_free_windows WHERE policy_id = ?', [id]);
    if (f.freeWindows.length) {
      await em.query('INSERT INTO usage_policy_free_windows (policy_id, start_hour, end_hour) VALUES ?', [
        f.freeWindows.map((w) => [id, w.startHour, w.endHour]),
      ]);
    }
  }

  /** The figures hang together, and the services charged exist and are one-time services. */
  private async validate(em: EntityManager, f: PolicyFields): Promise<void> {
    const problems: FieldError[] = [];
    if (!f.name) problems.push({ field: 'name', rule: 'required', message: 'name is required' });
    problems.push(...policyProblems(f));
    const charged = { overageServiceId: f.overageServiceId, topOffServiceId: f.topOffServiceId };
    const services = await this.catalog.servicesByIds(
      em,
      Object.values(charged).flatMap((v) => (v === null ? [] : [v])),
    );
    for (const [field, serviceId] of Object.entries(charged)) {
      if (serviceId === null) continue;
      const service = services.get(serviceId);
      if (!service) problems.push({ field, rule: 'exists', message: `${field}: service ${serviceId} does not exist` });
      else if (service.kind !== 'one_time')
        problems.push({
          field,
          rule: 'oneTime',
          message: `${field}: ${service.name} is a ${service.kind} service, not a one-time service`,
        });
    }
    if (problems.length) throw new BadInputException(problems);
  }

  private async write<T>(em: EntityManager, statement: () => Promise<T>): Promise<T> {
    try {
      return await statement();
    } catch (err) {
      if (isDuplicateKey(err, 'uq_usage_policies_name')) {
        throw new ConflictException(UsageErrorCode.PolicyNameTaken, 'A usage policy with that name exists already.', [
          { field: 'name', rule: 'unique', message: 'another usage policy has that name' },
        ]);
      }
      throw err;
    }
  }

  private async servicesUsing(em: EntityManager, ids: number[]): Promise<Map<number, number>> {
    if (!ids.length) return new Map();
    const rows: { usage_policy_id: number; n: number }[] = await em.query(
      'SELECT usage_policy_id, COUNT(*) AS n FROM services WHERE usage_policy_id IN (?) GROUP BY usage_policy_id',
      [ids],
    );
    return new Map(rows.map((r) => [Number(r.usage_policy_id), Number(r.n)]));
  }
}
