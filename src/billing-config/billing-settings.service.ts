import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AuditService } from '../audit/audit.service';
import { BadInputException, FieldError, NotFoundException } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { transactionWithRetry } from '../database/transaction';
import {
  AccountBillingConfig,
  AccountTypeBillingDefaults,
  BILLING_SETTING_KEYS,
  BillingOverrides,
  BillingSettingKey,
  BillingSettings,
  NULLABLE_SETTINGS,
} from './billing-settings';
import { BillingSettingsRow, SettingScope } from './billing-settings-row.entity';
import { UpdateBillingSettingsDto } from './dto/billing-settings.dto';
import { effectiveSettingsOf } from './effective-settings';
import { allInherited, OverrideLevel, overridesOf, resolveSettings, sameSettings, systemSettingsOf } from './settings-inheritance';

export type SystemBillingSettings = BillingSettings & { currency: string };

type Patch = Partial<BillingOverrides>;

/** The fields a request actually sent, with weekdays in order so an unchanged set compares equal. */
function patchFrom(dto: UpdateBillingSettingsDto): Patch {
  const patch: Record<string, unknown> = {};
  for (const key of BILLING_SETTING_KEYS) {
    const value = dto[key];
    if (value === undefined) continue;
    patch[key] = key === 'delinquencyWeekdays' && Array.isArray(value) ? [...value].sort((a, b) => a - b) : value;
  }
  return patch as Patch;
}

/**
 * Billing settings at their three levels: reading them with inheritance resolved,
 * and changing the system settings, an account type's defaults or an account's
 * overrides. Every change is one transaction with one audit entry.
 */
@Injectable()
export class BillingSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly locks: AccountLockService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async system(em: EntityManager): Promise<BillingSettings> {
    return systemSettingsOf(await this.systemRow(em));
  }

  /** The account's effective settings, its own overrides and where each value comes from. */
  async explainAccount(em: EntityManager, accountId: number): Promise<AccountBillingConfig> {
    const [account]: { typeId: number }[] = await em.query('SELECT account_type_id AS typeId FROM accounts WHERE id = ?', [accountId]);
    if (!account) throw new NotFoundException('Account', accountId);
    const typeId = Number(account.typeId);
    const rows = await em.find(BillingSettingsRow, {
      where: [
        { scope: 'system', scopeId: 0 },
        { scope: 'account_type', scopeId: typeId },
        { scope: 'account', scopeId: accountId },
      ],
    });
    const row = (scope: SettingScope) => rows.find((r) => r.scope === scope);
    const overrides = overridesOf(row('account'));
    const levels: OverrideLevel[] = [
      { source: 'account', overrides },
      { source: 'account_type', overrides: overridesOf(row('account_type')) },
    ];
    const { sources } = resolveSettings(systemSettingsOf(this.required(row('system'))), levels);
    const effective = (await effectiveSettingsOf(em, [accountId])).get(accountId);
    if (!effective) throw new NotFoundException('Account', accountId);
    return { effective, overrides, sources };
  }

  /** Effective settings of many accounts at once, read from the one SQL definition. Unknown ids are left out. */
  effectiveForAccounts(em: EntityManager, accountIds: number[]): Promise<Map<number, BillingSettings>> {
    return effectiveSettingsOf(em, accountIds);
  }

  async explainAccountType(em: EntityManager, accountTypeId: number): Promise<AccountTypeBillingDefaults> {
    const [type] = await em.query('SELECT id FROM account_types WHERE id = ?', [accountTypeId]);
    if (!type) throw new NotFoundException('Account type', accountTypeId);
    const system = await this.systemRow(em);
    const own = await em.findOneBy(BillingSettingsRow, { scope: 'account_type', scopeId: accountTypeId });
    const overrides = overridesOf(own);
    const { effective, sources } = resolveSettings(systemSettingsOf(system), [{ source: 'account_type', overrides }]);
    return { accountTypeId, effective, overrides, sources };
  }

  async getSystem(): Promise<SystemBillingSettings> {
    return { ...(await this.system(this.db.manager)), currency: this.config.CURRENCY };
  }

  async updateSystem(dto: UpdateBillingSettingsDto): Promise<SystemBillingSettings> {
    const patch = patchFrom(dto);
    const nulls = Object.keys(patch).filter(
      (key) => patch[key as BillingSettingKey] === null && !NULLABLE_SETTINGS.includes(key as BillingSettingKey),
    );
    if (nulls.length) {
      throw new BadInputException(
        nulls.map((field) => ({
          field,
          rule: 'notNull',
          message: `${field} cannot be empty in the system settings: they are what every account falls back to`,
        })),
      );
    }
    // An empty message on the system row is simply no message.
    if (patch.invoiceMessage === '') patch.invoiceMessage = null;
    const settings = await transactionWithRetry(this.db, async (em) => {
      const row = this.required(
        await em.findOne(BillingSettingsRow, { where: { scope: 'system', scopeId: 0 }, lock: { mode: 'pessimistic_write' } }),
      );
      const before = systemSettingsOf(row);
      await this.assertReferences(em, patch);
      const after: BillingSettings = { ...before, ...patch } as BillingSettings;
      if (sameSettings(before, after)) return before;
      await em.update(BillingSettingsRow, { id: row.id }, patch);
      const saved = await this.system(em);
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'billing_settings',
        entityId: 'system',
        before: { ...before },
        after: { ...saved },
      });
      return saved;
    });
    return { ...settings, currency: this.config.CURRENCY };
  }

  async updateAccountType(accountTypeId: number, dto: UpdateBillingSettingsDto): Promise<AccountTypeBillingDefaults> {
    const patch = patchFrom(dto);
    return transactionWithRetry(this.db, async (em) => {
      // Locking the type serializes changes to its defaults; the row itself may not exist yet.
      const [type] = await em.query('SELECT id FROM account_types WHERE id = ? FOR UPDATE', [accountTypeId]);
      if (!type) throw new NotFoundException('Account type', accountTypeId);
      const before = await this.explainAccountType(em, accountTypeId);
      await this.assertReferences(em, patch);
      const next = { ...before.overrides, ...patch };
      if (sameSettings(before.overrides, next)) return before;
      await this.saveOverrides(em, 'account_type', accountTypeId, next);
      const after = await this.explainAccountType(em, accountTypeId);
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'account_type_billing_defaults',
        entityId: accountTypeId,
        before: { ...before.overrides },
        after: { ...after.overrides },
      });
      return after;
    });
  }

  async updateAccount(accountId: number, dto: UpdateBillingSettingsDto): Promise<AccountBillingConfig> {
    const patch = patchFrom(dto);
    return transactionWithRetry(this.db, async (em) => {
      await this.locks.lock(em, accountId);
      const before = await this.explainAccount(em, accountId);
      await this.assertReferences(em, patch);
      const next = { ...before.overrides, ...patch };
      if (sameSettings(before.overrides, next)) return before;
      await this.saveOverrides(em, 'account', accountId, next);
      const after = await this.explainAccount(em, accountId);
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'account_billing_config',
        entityId: accountId,
        accountId,
        before: { ...before.overrides },
        after: { ...after.overrides },
      });
      return after;
    });
  }

  private async systemRow(em: EntityManager): Promise<BillingSettingsRow> {
    return this.required(await em.findOneBy(BillingSettingsRow, { scope: 'system', scopeId: 0 }));
  }

  private required(row: BillingSettingsRow | null | undefined): BillingSettingsRow {
    // The migration inserts the system row and nothing deletes it.
    if (!row) throw new Error('The system billing settings row is missing');
    return row;
  }

  /** A level that no longer sets anything keeps no row, so "inherits everything" has one representation. */
  private async saveOverrides(em: EntityManager, scope: SettingScope, scopeId: number, overrides: BillingOverrides): Promise<void> {
    const existing = await em.findOneBy(BillingSettingsRow, { scope, scopeId });
    if (allInherited(overrides)) {
      if (existing) await em.delete(BillingSettingsRow, { id: existing.id });
    } else if (existing) {
      await em.update(BillingSettingsRow, { id: existing.id }, overrides);
    } else {
      await em.insert(BillingSettingsRow, { scope, scopeId, ...overrides });
    }
  }

  /** The late fee service and the delinquent status must exist and be of a kind that makes sense for them. */
  private async assertReferences(em: EntityManager, patch: Patch): Promise<void> {
    const errors: FieldError[] = [];
    if (patch.lateFeeServiceId != null) {
      const id = patch.lateFeeServiceId;
      const [service]: { name: string; kind: string; side: string | null }[] = await em.query(
        'SELECT name, kind, adjustment_side AS side FROM services WHERE id = ?',
        [id],
      );
      if (!service) {
        errors.push({ field: 'lateFeeServiceId', rule: 'exists', message: `service ${id} does not exist` });
      } else if (!(service.kind === 'one_time' || (service.kind === 'adjustment' && service.side === 'debit'))) {
        const kind = service.kind === 'adjustment' ? `a ${service.side} adjustment` : `a ${service.kind.replace('_', '-')}`;
        errors.push({
          field: 'lateFeeServiceId',
          rule: 'lateFeeService',
          message: `the late fee must be charged through a one-time or debit adjustment service; "${service.name}" is ${kind} service`,
        });
      }
    }
    if (patch.delinquentStatusId != null) {
      const id = patch.delinquentStatusId;
      const [status]: { name: string; isDelinquency: number }[] = await em.query(
        'SELECT name, is_delinquency AS isDelinquency FROM account_statuses WHERE id = ?',
        [id],
      );
      if (!status) {
        errors.push({ field: 'delinquentStatusId', rule: 'exists', message: `account status ${id} does not exist` });
      } else if (!Number(status.isDelinquency)) {
        errors.push({
          field: 'delinquentStatusId',
          rule: 'delinquencyStatus',
          message: `account status "${status.name}" is not marked as a delinquency status`,
        });
      }
    }
    if (errors.length) throw new BadInputException(errors);
  }
}
