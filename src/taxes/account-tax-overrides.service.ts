import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { Account } from '../accounts/account.entity';
import { AuditService } from '../audit/audit.service';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { transactionWithRetry } from '../database/transaction';
import { AccountTaxOverride, TaxOverrideKind } from './account-tax-override.entity';
import {
  AccountTaxOverrideFilterDto,
  AccountTaxOverrideResponseDto,
  AccountTaxOverrideSortField,
  CreateAccountTaxOverrideDto,
  UpdateAccountTaxOverrideDto,
} from './dto/account-tax-override.dto';
import { isDuplicateKey } from '../database/duplicate-key';
import { shareLockName } from './tax-errors';
import { TaxesErrorCode } from './taxes.error-codes';

const SORT_COLUMNS: Record<AccountTaxOverrideSortField, string> = { id: 'o.id', taxName: 't.name' };

interface OverrideRow {
  id: number;
  account_id: number;
  tax_id: number;
  tax_name: string;
  tax_rate_e4: number;
  kind: TaxOverrideKind;
  rate_e4: number | null;
}

const SELECT = `SELECT o.id, o.account_id, o.tax_id, t.name AS tax_name, t.rate_e4 AS tax_rate_e4, o.kind, o.rate_e4
                  FROM account_tax_overrides o JOIN taxes t ON t.id = o.tax_id`;

function toOverrideResponse(r: OverrideRow): AccountTaxOverrideResponseDto {
  return {
    id: Number(r.id),
    accountId: Number(r.account_id),
    taxId: Number(r.tax_id),
    taxName: r.tax_name,
    taxRateE4: Number(r.tax_rate_e4),
    kind: r.kind,
    rateE4: r.rate_e4 === null ? null : Number(r.rate_e4),
  };
}

/** A rate goes with kind rate and only with it; checked before anything is written. */
function checkRate(kind: TaxOverrideKind, rateE4: number | null): void {
  if (kind === 'rate' && rateE4 === null) {
    throw new BadInputException([{ field: 'rateE4', rule: 'required', message: 'rateE4 is required for an override of kind rate' }]);
  }
  if (kind === 'exempt' && rateE4 !== null) {
    throw new BadInputException([{ field: 'rateE4', rule: 'notAllowed', message: 'rateE4 must be left out for an exemption' }]);
  }
}

function alreadyOverridden(taxName: string): ConflictException {
  return new ConflictException(
    TaxesErrorCode.TaxOverrideExists,
    `This account already has an exception for "${taxName}"; change that one instead`,
    [{ field: 'taxId', rule: 'unique', message: 'the account already has an override for this tax' }],
  );
}

/**
 * An account's exceptions to taxes: its own rate for a tax, or an exemption from it. Every
 * change locks the account, as every change to what an account is charged does.
 */
@Injectable()
export class AccountTaxOverridesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly locks: AccountLockService,
    private readonly audit: AuditService,
  ) {}

  async list(
    accountId: number,
    query: ListQuery<AccountTaxOverrideFilterDto, AccountTaxOverrideSortField>,
  ): Promise<ListResult<AccountTaxOverrideResponseDto>> {
    await this.assertAccountExists(accountId);
    const where = ['o.account_id = ?'];
    const params: unknown[] = [accountId];
    if (query.filter.id?.length) {
      where.push('o.id IN (?)');
      params.push(query.filter.id);
    }
    if (query.filter.taxId !== undefined) {
      where.push('o.tax_id = ?');
      params.push(query.filter.taxId);
    }
    const whereSql = `WHERE ${where.join(' AND ')}`;
    const [{ n }] = await this.db.query(`SELECT COUNT(*) AS n FROM account_tax_overrides o ${whereSql}`, params);
    const rows: OverrideRow[] = await this.db.query(
      `${SELECT} ${whereSql} ORDER BY ${SORT_COLUMNS[query.sort.field]} ${query.sort.order}, o.id ${query.sort.order} LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    return new ListResult('tax-overrides', rows.map(toOverrideResponse), Number(n), query.offset);
  }

  async get(accountId: number, id: number): Promise<AccountTaxOverrideResponseDto> {
    return this.describe(this.db.manager, accountId, id);
  }

  async create(accountId: number, dto: CreateAccountTaxOverrideDto): Promise<AccountTaxOverrideResponseDto> {
    const rateE4 = dto.rateE4 ?? null;
    checkRate(dto.kind, rateE4);
    return transactionWithRetry(this.db, async (em) => {
      await this.locks.lock(em, accountId);
      const taxName = await this.requireTax(em, dto.taxId);
      if (await em.existsBy(AccountTaxOverride, { accountId, taxId: dto.taxId })) throw alreadyOverridden(taxName);
      let id: number;
      try {
        id = Number((await em.insert(AccountTaxOverride, { accountId, taxId: dto.taxId, kind: dto.kind, rateE4 })).identifiers[0].id);
      } catch (err) {
        if (isDuplicateKey(err, 'uq_account_tax_overrides_account_tax')) throw alreadyOverridden(taxName);
        throw err;
      }
      const after = await this.describe(em, accountId, id);
      await this.audit.recordAction(em, {
        action: 'create',
        entityType: 'account_tax_override',
        entityId: id,
        accountId,
        after: { ...after },
      });
      return after;
    });
  }

  async update(accountId: number, id: number, dto: UpdateAccountTaxOverrideDto): Promise<AccountTaxOverrideResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.locks.lock(em, accountId);
      const before = await this.describe(em, accountId, id);
      const kind = dto.kind ?? before.kind;
      // Switching to an exemption drops the old rate unless a new one is sent (which is refused).
      const rateE4 = dto.rateE4 !== undefined ? dto.rateE4 : kind === 'exempt' ? null : before.rateE4;
      checkRate(kind, rateE4);
      const taxId = dto.taxId ?? before.taxId;
      if (taxId !== before.taxId) {
        const taxName = await this.requireTax(em, taxId);
        if (await em.existsBy(AccountTaxOverride, { accountId, taxId })) throw alreadyOverridden(taxName);
      }
      try {
        await em.update(AccountTaxOverride, { id }, { taxId, kind, rateE4 });
      } catch (err) {
        if (isDuplicateKey(err, 'uq_account_tax_overrides_account_tax')) throw alreadyOverridden(`tax ${taxId}`);
        throw err;
      }
      const after = await this.describe(em, accountId, id);
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'account_tax_override',
        entityId: id,
        accountId,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async remove(accountId: number, id: number): Promise<AccountTaxOverrideResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.locks.lock(em, accountId);
      const before = await this.describe(em, accountId, id);
      await em.delete(AccountTaxOverride, { id });
      await this.audit.recordAction(em, {
        action: 'delete',
        entityType: 'account_tax_override',
        entityId: id,
        accountId,
        before: { ...before },
      });
      return before;
    });
  }

  /** An override is found only under its own account, so one account's URL never reaches another's. */
  private async describe(em: EntityManager, accountId: number, id: number): Promise<AccountTaxOverrideResponseDto> {
    const [row]: OverrideRow[] = await em.query(`${SELECT} WHERE o.id = ? AND o.account_id = ?`, [id, accountId]);
    if (!row) throw new NotFoundException('Tax override', id);
    return toOverrideResponse(row);
  }

  private async assertAccountExists(accountId: number): Promise<void> {
    if (!(await this.db.getRepository(Account).existsBy({ id: accountId }))) throw new NotFoundException('Account', accountId);
  }

  /** The tax's name; the tax stays share-locked so it cannot be deleted before the override points at it. */
  private async requireTax(em: EntityManager, taxId: number): Promise<string> {
    const name = await shareLockName(em, 'taxes', taxId);
    if (name === null) throw new BadInputException([{ field: 'taxId', rule: 'exists', message: `taxId ${taxId} is not a tax` }]);
    return name;
  }
}
