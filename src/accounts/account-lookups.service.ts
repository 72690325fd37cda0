import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { AccountGroup } from './account-group.entity';
import { AccountStatus } from './account-status.entity';
import { AccountType } from './account-type.entity';
import { AccountsErrorCode } from './accounts.error-codes';
import { AccountLookupFilterDto, AccountLookupSortField } from './dto/account-lookup.dto';
import { transactionWithRetry } from '../database/transaction';

type AuditRecord = Record<string, unknown>;

interface LookupKind<E extends ObjectLiteral, R extends AuditRecord> {
  entity: EntityTarget<E>;
  resource: string;
  entityType: string;
  label: string;
  /** Counts the accounts still using a row; a row in use cannot be deleted. */
  usageSql: string;
  usage: string;
  inUseCode: AccountsErrorCode;
  nameTakenCode: AccountsErrorCode;
  toResponse: (row: E) => R;
}

export const ACCOUNT_TYPES: LookupKind<AccountType, { id: number; name: string; description: string }> = {
  entity: AccountType,
  resource: 'account-types',
  entityType: 'account_type',
  label: 'Account type',
  usageSql: 'SELECT COUNT(*) AS n FROM accounts WHERE account_type_id = ?',
  usage: 'use this type',
  inUseCode: AccountsErrorCode.AccountTypeInUse,
  nameTakenCode: AccountsErrorCode.AccountTypeNameTaken,
  toResponse: (t) => ({ id: t.id, name: t.name, description: t.description }),
};

export const ACCOUNT_STATUSES: LookupKind<
  AccountStatus,
  { id: number; name: string; countsAsActive: boolean; isDelinquency: boolean; color: string }
> = {
  entity: AccountStatus,
  resource: 'account-statuses',
  entityType: 'account_status',
  label: 'Account status',
  usageSql: 'SELECT COUNT(*) AS n FROM accounts WHERE account_status_id = ?',
  usage: 'have this status',
  inUseCode: AccountsErrorCode.AccountStatusInUse,
  nameTakenCode: AccountsErrorCode.AccountStatusNameTaken,
  toResponse: (s) => ({ id: s.id, name: s.name, countsAsActive: s.countsAsActive, isDelinquency: s.isDelinquency, color: s.color }),
};

export const ACCOUNT_GROUPS: LookupKind<AccountGroup, { id: number; name: string; description: string }> = {
  entity: AccountGroup,
  resource: 'account-groups',
  entityType: 'account_group',
  label: 'Account group',
  usageSql: 'SELECT COUNT(*) AS n FROM account_group_members WHERE group_id = ?',
  usage: 'belong to this group',
  inUseCode: AccountsErrorCode.AccountGroupInUse,
  nameTakenCode: AccountsErrorCode.AccountGroupNameTaken,
  toResponse: (g) => ({ id: g.id, name: g.name, description: g.description }),
};

/**
 * Account types, statuses and groups: the same small CRUD with a unique name,
 * one audit entry per change, and deletion refused while any account uses the row.
 */
@Injectable()
export class AccountLookupsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list<E extends ObjectLiteral, R extends AuditRecord>(
    kind: LookupKind<E, R>,
    query: ListQuery<AccountLookupFilterDto, AccountLookupSortField>,
  ): Promise<ListResult<R>> {
    const qb = this.db.getRepository(kind.entity).createQueryBuilder('l');
    if (query.filter.q) qb.andWhere('l.name LIKE :q', { q: `%${query.filter.q.replace(/[%_\\]/g, '\\$&')}%` });
    if (query.filter.id?.length) qb.andWhere('l.id IN (:...ids)', { ids: query.filter.id });
    qb.orderBy(query.sort.field === 'name' ? 'l.name' : 'l.id', query.sort.order)
      .addOrderBy('l.id', query.sort.order)
      .skip(query.offset)
      .take(query.limit);
    const [rows, total] = await qb.getManyAndCount();
    return new ListResult(kind.resource, rows.map(kind.toResponse), total, query.offset);
  }

  async get<E extends ObjectLiteral, R extends AuditRecord>(kind: LookupKind<E, R>, id: number): Promise<R> {
    return kind.toResponse(await this.load(this.db.manager, kind, id));
  }

  async create<E extends ObjectLiteral, R extends AuditRecord>(kind: LookupKind<E, R>, dto: { name: string } & Partial<E>): Promise<R> {
    return transactionWithRetry(this.db, async (em) => {
      await this.assertNameFree(em, kind, dto.name, null);
      const result = await em.insert(kind.entity, { ...dto } as never);
      const id = Number(result.identifiers[0].id);
      const after = kind.toResponse(await this.load(em, kind, id));
      await this.audit.recordAction(em, { action: 'create', entityType: kind.entityType, entityId: id, after: { ...after } });
      return after;
    });
  }

  async update<E extends ObjectLiteral, R extends AuditRecord>(kind: LookupKind<E, R>, id: number, dto: Partial<E>): Promise<R> {
    return transactionWithRetry(this.db, async (em) => {
      const before = kind.toResponse(await this.load(em, kind, id, true));
      if (dto.name !== undefined) await this.assertNameFree(em, kind, dto.name as string, id);
      if (Object.keys(dto).length) await em.update(kind.entity, { id }, { ...dto } as never);
      const after = kind.toResponse(await this.load(em, kind, id));
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: kind.entityType,
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async remove<E extends ObjectLiteral, R extends AuditRecord>(kind: LookupKind<E, R>, id: number): Promise<R> {
    return transactionWithRetry(this.db, async (em) => {
      const row = await this.load(em, kind, id, true);
      const [{ n }] = await em.query(kind.usageSql, [id]);
      if (Number(n) > 0) {
        throw new ConflictException(kind.inUseCode, `${kind.label} "${row.name}" cannot be deleted: ${n} account(s) still ${kind.usage}`);
      }
      const before = kind.toResponse(row);
      try {
        await em.delete(kind.entity, { id });
      } catch (err) {
        // Billing settings and other modules may point at the row too; the database knows every reference.
        if (!/ER_ROW_IS_REFERENCED/.test((err as { code?: string }).code ?? '')) throw err;
        throw new ConflictException(
          kind.inUseCode,
          `${kind.label} "${row.name}" cannot be deleted: billing settings or other records still use it`,
        );
      }
      await this.audit.recordAction(em, { action: 'delete', entityType: kind.entityType, entityId: id, before: { ...before } });
      return before;
    });
  }

  private async load<E extends ObjectLiteral>(em: EntityManager, kind: LookupKind<E, AuditRecord>, id: number, lock = false): Promise<E> {
    const row = await em.findOne(kind.entity, { where: { id } as never, ...(lock && { lock: { mode: 'pessimistic_write' as const } }) });
    if (!row) throw new NotFoundException(kind.label, id);
    return row;
  }

  private async assertNameFree<E extends ObjectLiteral>(
    em: EntityManager,
    kind: LookupKind<E, AuditRecord>,
    name: string,
    exceptId: number | null,
  ): Promise<void> {
    const holder = await em.findOneBy(kind.entity, { name } as never);
    if (holder && holder.id !== exceptId) {
      throw new ConflictException(kind.nameTakenCode, `${kind.label} "${name}" already exists`, [
        { field: 'name', rule: 'unique', message: `name is already used by another ${kind.label.toLowerCase()}` },
      ]);
    }
  }
}
