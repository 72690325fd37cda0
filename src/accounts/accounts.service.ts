import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Writable } from 'node:stream';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { csvRow } from '../common/csv';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult, MAX_PAGE_SIZE } from '../common/list-query';
import { typedValue } from '../custom-fields/custom-field-rules';
import { CustomField } from '../custom-fields/custom-field.entity';
import { CustomFieldValuesService } from '../custom-fields/custom-field-values.service';
import { AccountGroup } from './account-group.entity';
import { AccountLockService } from './account-lock.service';
import { AccountSearchIndexer } from './account-search.indexer';
import { AccountSearchService } from './account-search.service';
import { AccountStatus } from './account-status.entity';
import { AccountStatusWriter } from './account-status-writer';
import { AccountType } from './account-type.entity';
import { Account } from './account.entity';
import { AccountFilterDto, AccountResponseDto, AccountSortField, CreateAccountDto, UpdateAccountDto } from './dto/account.dto';
import { AccountsErrorCode } from './accounts.error-codes';
import { transactionWithRetry } from '../database/transaction';

type CustomValues = AccountResponseDto['customFields'];

export function toAccountResponse(account: Account, groupIds: number[], customFields: CustomValues): AccountResponseDto {
  const hasMailing = account.mailingLine1 !== null;
  return {
    id: account.id,
    name: account.name,
    accountTypeId: account.accountTypeId,
    accountStatusId: account.accountStatusId,
    groupIds: [...groupIds].sort((a, b) => a - b),
    parentAccountId: account.parentAccountId,
    activatedAt: account.activatedAt,
    serviceAddress: {
      line1: account.serviceLine1,
      line2: account.serviceLine2,
      city: account.serviceCity,
      region: account.serviceRegion,
      postcode: account.servicePostcode,
      country: account.serviceCountry,
      latitude: account.serviceLatitude,
      longitude: account.serviceLongitude,
    },
    mailingAddress: hasMailing
      ? {
          line1: account.mailingLine1 as string,
          line2: account.mailingLine2,
          city: account.mailingCity as string,
          region: account.mailingRegion as string,
          postcode: account.mailingPostcode as string,
          country: account.mailingCountry as string,
        }
      : null,
    customFields,
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
  };
}

const SORT_COLUMNS: Record<AccountSortField, string> = { id: 'a.id', name: 'a.name', createdAt: 'a.created_at' };

export const ACCOUNT_CSV_HEADER = [
  'id',
  'name',
  'account_type_id',
  'account_status_id',
  'group_ids',
  'parent_account_id',
  'activated_at',
  'service_line1',
  'service_line2',
  'service_city',
  'service_region',
  'service_postcode',
  'service_country',
  'service_latitude',
  'service_longitude',
  'created_at',
];

function addressColumns(dto: CreateAccountDto | UpdateAccountDto): Partial<Account> {
  const s = dto.serviceAddress;
  const m = dto.mailingAddress;
  return {
    ...(s && {
      serviceLine1: s.line1,
      serviceLine2: s.line2 ?? null,
      serviceCity: s.city,
      serviceRegion: s.region,
      servicePostcode: s.postcode,
      serviceCountry: s.country,
      serviceLatitude: s.latitude ?? null,
      serviceLongitude: s.longitude ?? null,
    }),
    ...(m !== undefined && {
      mailingLine1: m?.line1 ?? null,
      mailingLine2: m?.line2 ?? null,
      mailingCity: m?.city ?? null,
      mailingRegion: m?.region ?? null,
      mailingPostcode: m?.postcode ?? null,
      mailingCountry: m?.country ?? null,
    }),
  };
}

/**
 * The account aliased `a` is delinquent: delinquency (or a clerk) gave it a status
 * marked as a delinquency status. The list filter and the book's count share it.
 */
export const DELINQUENT_ACCOUNT_CONDITION = `EXISTS (SELECT 1 FROM account_statuses ds WHERE ds.id = a.account_status_id AND ds.is_delinquency = 1)`;

export interface StatusCount {
  accountStatusId: number;
  name: string;
  color: string;
  delinquency: boolean;
  accounts: number;
}

/** Subscriber accounts: each change locks the account, refreshes its search document and leaves one audit entry. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly locks: AccountLockService,
    private readonly indexer: AccountSearchIndexer,
    private readonly search: AccountSearchService,
    private readonly customFields: CustomFieldValuesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly statuses: AccountStatusWriter,
  ) {}

  async list(query: ListQuery<AccountFilterDto, AccountSortField>): Promise<ListResult<AccountResponseDto>> {
    const qb = this.db.getRepository(Account).createQueryBuilder('a');
    const { q, accountStatusId, accountTypeId, groupId, parentAccountId, id, delinquent } = query.filter;
    if (q) {
      const ids = await this.search.matchingIds(q, MAX_PAGE_SIZE);
      if (!ids.length) return new ListResult('accounts', [], 0, query.offset);
      qb.andWhere('a.id IN (:...searchIds)', { searchIds: ids });
    }
    if (accountStatusId) qb.andWhere('a.account_status_id = :accountStatusId', { accountStatusId });
    if (accountTypeId) qb.andWhere('a.account_type_id = :accountTypeId', { accountTypeId });
    if (parentAccountId) qb.andWhere('a.parent_account_id = :parentAccountId', { parentAccountId });
    if (groupId) {
      qb.andWhere('EXISTS (SELECT 1 FROM account_group_members m WHERE m.account_id = a.id AND m.group_id = :groupId)', { groupId });
    }
    if (id?.length) qb.andWhere('a.id IN (:...ids)', { ids: id });
    if (delinquent !== undefined) qb.andWhere(`${delinquent ? '' : 'NOT '}${DELINQUENT_ACCOUNT_CONDITION}`);
    qb.orderBy(SORT_COLUMNS[query.sort.field], query.sort.order).addOrderBy('a.id', query.sort.order).skip(query.offset).take(query.limit);
    const [page, total] = await qb.getManyAndCount();
    return new ListResult('accounts', await this.describeMany(this.db.manager, page), total, query.offset);
  }

  /** Accounts per status, every status present (with 0 when it has none), in name order. */
  async countByStatus(em: EntityManager = this.db.manager): Promise<StatusCount[]> {
    const rows: { id: number; name: string; color: string; is_delinquency: number; accounts: string }[] = await em.query(
      `SELECT st.id, st.name, st.color, st.is_delinquency, COALESCE(n.accounts, 0) AS accounts
         FROM account_statuses st
         LEFT JOIN (SELECT a.account_status_id, COUNT(*) AS accounts FROM accounts a GROUP BY a.account_status_id) n
           ON n.account_status_id = st.id
        ORDER BY st.name, st.id`,
    );
    return rows.map((r) => ({
      accountStatusId: Number(r.id),
      name: r.name,
      color: r.color,
      delinquency: Boolean(Number(r.is_delinquency)),
      accounts: Number(r.accounts),
    }));
  }

  async get(id: number): Promise<AccountResponseDto> {
    return this.describe(this.db.manager, id);
  }

  /** Streams every matching account in the list's order, a thousand rows at a time. */
  async writeCsv(query: ListQuery<AccountFilterDto, AccountSortField>, out: Writable): Promise<number> {
    out.write(csvRow(ACCOUNT_CSV_HEADER));
    let written = 0;
    for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
      const page = await this.list({ ...query, offset, limit: MAX_PAGE_SIZE });
      for (const a of page.items) {
        const line = csvRow([
          a.id,
          a.name,
          a.accountTypeId,
          a.accountStatusId,
          a.groupIds.join(' '),
          a.parentAccountId,
          a.activatedAt,
          a.serviceAddress.line1,
          a.serviceAddress.line2,
          a.serviceAddress.city,
          a.serviceAddress.region,
          a.serviceAddress.postcode,
          a.serviceAddress.country,
          a.serviceAddress.latitude,
          a.serviceAddress.longitude,
          a.createdAt,
        ]);
        if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
      }
      written += page.items.length;
      if (page.items.length < MAX_PAGE_SIZE) return written;
    }
  }

  async create(dto: CreateAccountDto): Promise<AccountResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const parentId = dto.parentAccountId ?? null;
      if (parentId !== null) {
        const parent = await this.lockParent(em, parentId);
        this.assertCanBeParent(parent);
      }
      await this.assertExists(em, dto.accountTypeId, dto.accountStatusId, dto.groupIds);
      const status = await em.findOneByOrFail(AccountStatus, { id: dto.accountStatusId });
      const result = await em.insert(Account, {
        name: dto.name,
        accountTypeId: dto.accountTypeId,
        accountStatusId: dto.accountStatusId,
        parentAccountId: parentId,
        activatedAt: status.countsAsActive ? this.clock.now() : null,
        ...addressColumns(dto),
      });
      const id = Number(result.identifiers[0].id);
      await this.replaceGroups(em, id, dto.groupIds ?? []);
      if (dto.customFields) await this.customFields.write(em, id, dto.customFields, { creating: true });
      await this.indexer.refresh(em, id);
      const after = await this.describe(em, id);
      await this.audit.recordAction(em, { action: 'create', entityType: 'account', entityId: id, accountId: id, after: { ...after } });
      return after;
    });
  }

  async update(id: number, dto: UpdateAccountDto): Promise<AccountResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const newParentId = dto.parentAccountId ?? null;
      // Both families at once, roots in id order: two clerks linking the same pair in opposite directions cannot deadlock.
      const lockOrder = newParentId !== null && newParentId !== id ? [id, newParentId].sort((a, b) => a - b) : [id];
      let account: Account | undefined;
      let parent: Account | undefined;
      await this.locks.lockFamilies(em, lockOrder);
      for (const lockId of lockOrder) {
        if (lockId === id) account = await this.locks.lock(em, id);
        else parent = await this.lockParent(em, lockId);
      }
      if (!account) throw new NotFoundException('Account', id);
      const before = await this.describe(em, id);

      if (dto.parentAccountId !== undefined && newParentId !== account.parentAccountId && newParentId !== null) {
        if (newParentId === id) {
          throw new ConflictException(AccountsErrorCode.AccountOwnParent, `${account.name} cannot be its own parent account`, [
            { field: 'parentAccountId', rule: 'notSelf', message: 'an account cannot be its own parent' },
          ]);
        }
        this.assertCanBeParent(parent as Account);
        const [{ n }] = await em.query('SELECT COUNT(*) AS n FROM accounts WHERE parent_account_id = ?', [id]);
        if (Number(n) > 0) {
          throw new ConflictException(
            AccountsErrorCode.ParentCannotBecomeChild,
            `${account.name} is the parent of ${n} account(s), so it cannot become a child of another account`,
            [{ field: 'parentAccountId', rule: 'noGrandchildren', message: 'a parent account cannot become a child' }],
          );
        }
      }
      await this.assertExists(em, dto.accountTypeId, dto.accountStatusId, dto.groupIds);

      const changes: Partial<Account> = {
        ...(dto.name !== undefined && { name: dto.name }),
        ...(dto.accountTypeId !== undefined && { accountTypeId: dto.accountTypeId }),
        ...(dto.parentAccountId !== undefined && { parentAccountId: newParentId }),
        ...addressColumns(dto),
      };
      if (Object.keys(changes).length) await em.update(Account, { id }, changes);
      // Through the writer: it dates the activation and tells the status's watchers.
      if (dto.accountStatusId !== undefined) await this.statuses.change(em, id, dto.accountStatusId);
      if (dto.groupIds !== undefined) await this.replaceGroups(em, id, dto.groupIds);
      if (dto.customFields) await this.customFields.write(em, id, dto.customFields, { creating: false });
      if (dto.name !== undefined || dto.serviceAddress || dto.mailingAddress !== undefined) await this.indexer.refresh(em, id);
      const after = await this.describe(em, id);
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'account',
        entityId: id,
        accountId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  private async lockParent(em: EntityManager, parentId: number): Promise<Account> {
    try {
      return await this.locks.lock(em, parentId);
    } catch (err) {
      if (err instanceof NotFoundException) {
        throw new BadInputException([{ field: 'parentAccountId', rule: 'exists', message: `account ${parentId} does not exist` }]);
      }
      throw err;
    }
  }

  private assertCanBeParent(parent: Account): void {
    if (parent.parentAccountId !== null) {
      throw new ConflictException(
        AccountsErrorCode.ChildCannotBeParent,
        `${parent.name} is itself a child of account ${parent.parentAccountId}, so it cannot be a parent account`,
        [{ field: 'parentAccountId', rule: 'noGrandchildren', message: 'a child account cannot be a parent' }],
      );
    }
  }

  private async assertExists(em: EntityManager, typeId?: number, statusId?: number, groupIds?: number[]): Promise<void> {
    const errors = [];
    if (typeId !== undefined && !(await em.existsBy(AccountType, { id: typeId }))) {
      errors.push({ field: 'accountTypeId', rule: 'exists', message: `account type ${typeId} does not exist` });
    }
    if (statusId !== undefined && !(await em.existsBy(AccountStatus, { id: statusId }))) {
      errors.push({ field: 'accountStatusId', rule: 'exists', message: `account status ${statusId} does not exist` });
    }
    if (groupIds?.length) {
      const found = await em.findBy(AccountGroup, { id: In(groupIds) });
      const missing = groupIds.filter((g) => !found.some((f) => f.id === g));
      if (missing.length) errors.push({ field: 'groupIds', rule: 'exists', message: `account groups ${missing.join(', ')} do not exist` });
    }
    if (errors.length) throw new BadInputException(errors);
  }

  private async replaceGroups(em: EntityManager, accountId: number, groupIds: number[]): Promise<void> {
    await em.query('DELETE FROM account_group_members WHERE account_id = ?', [accountId]);
    if (groupIds.length) {
      await em.query('INSERT INTO account_group_members (account_id, group_id) VALUES ?', [groupIds.map((g) => [accountId, g])]);
    }
  }

  private async describe(em: EntityManager, id: number): Promise<AccountResponseDto> {
    const account = await em.findOneBy(Account, { id });
    if (!account) throw new NotFoundException('Account', id);
    const [item] = await this.describeMany(em, [account]);
    return item;
  }

  /** Groups and custom-field values of a page of accounts in one query each. */
  private async describeMany(em: EntityManager, accounts: Account[]): Promise<AccountResponseDto[]> {
    if (!accounts.length) return [];
    const ids = accounts.map((a) => a.id);
    const members: { accountId: number; groupId: number }[] = await em.query(
      'SELECT account_id AS accountId, group_id AS groupId FROM account_group_members WHERE account_id IN (?)',
      [ids],
    );
    const values: { accountId: number; id: number; type: CustomField['type']; value: string }[] = await em.query(
      `SELECT v.account_id AS accountId, f.id, f.type, v.value FROM custom_field_values v JOIN custom_fields f ON f.id = v.custom_field_id
        WHERE v.account_id IN (?) AND f.active = 1 ORDER BY f.position, f.id`,
      [ids],
    );
    return accounts.map((a) =>
      toAccountResponse(
        a,
        members.filter((m) => Number(m.accountId) === a.id).map((m) => Number(m.groupId)),
        Object.fromEntries(values.filter((v) => Number(v.accountId) === a.id).map((v) => [String(v.id), typedValue(v.type, v.value)])),
      ),
    );
  }
}
