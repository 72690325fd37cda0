import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountingPeriodService } from './accounting-period.service';
import { NotFoundException } from '../common/errors';
import { isoWeekday } from './billing-date';
import { AccountBillingConfig, BillingSettings } from './billing-settings';
import { BillingSettingsService } from './billing-settings.service';
import { DelinquencyExclusionDatesService } from './delinquency-exclusion-dates.service';
import { anchorDayOf } from './effective-settings';

export type {
  AccountBillingConfig,
  AccountTypeBillingDefaults,
  BillingOverrides,
  BillingSettingKey,
  BillingSettings,
  BillingSettingSources,
  SettingSource,
} from './billing-settings';

/**
 * What the rest of billing asks of its configuration: the settings in force for an
 * account, whether a date is still open in the books, and whether delinquency may
 * be applied on a day. Every read runs in the caller's transaction.
 */
@Injectable()
export class BillingConfigService {
  constructor(
    private readonly settings: BillingSettingsService,
    private readonly period: AccountingPeriodService,
    private readonly exclusions: DelinquencyExclusionDatesService,
  ) {}

  /** The account's settings: its own override, else its type's default, else the system value. 404 for an unknown account. */
  async effective(em: EntityManager, accountId: number): Promise<BillingSettings> {
    return (await this.settings.explainAccount(em, accountId)).effective;
  }

  /** effective for many accounts in a few queries: what a bill run batch reads. */
  effectiveForAccounts(em: EntityManager, accountIds: number[]): Promise<Map<number, BillingSettings>> {
    return this.settings.effectiveForAccounts(em, accountIds);
  }

  /** The day of the month the account's service periods start (anniversary mode: its activation day, at most the 28th). 404 for an unknown account. */
  async anchorDay(em: EntityManager, accountId: number): Promise<number> {
    const day = await anchorDayOf(em, accountId);
    if (day === null) throw new NotFoundException('Account', accountId);
    return day;
  }

  /** effective plus the account's own overrides (null = inherited) and the level each value comes from. */
  explain(em: EntityManager, accountId: number): Promise<AccountBillingConfig> {
    return this.settings.explainAccount(em, accountId);
  }

  /** The accounting close date, or null when no period was ever closed. */
  closeDate(em: EntityManager): Promise<string | null> {
    return this.period.closeDate(em);
  }

  /**
   * Throws ConflictException('accounting_period_closed') naming the close date when
   * `date` is on or before it. `what` starts the sentence, e.g. "A payment" or "Invoice INV-0000012".
   */
  assertOpen(em: EntityManager, date: string, what: string): Promise<void> {
    return this.period.assertOpen(em, date, what);
  }

  /** Closes the newest month that ended at least autoCloseAfterDays before `today`; returns the new close date or null. */
  autoCloseIfDue(today: string): Promise<string | null> {
    return this.period.autoCloseIfDue(today);
  }

  /** Delinquency happens only on the account's chosen weekdays and never on an exclusion date. */
  async delinquencyAllowedOn(em: EntityManager, date: string, settings: Pick<BillingSettings, 'delinquencyWeekdays'>): Promise<boolean> {
    return settings.delinquencyWeekdays.includes(isoWeekday(date)) && !(await this.exclusions.isExcluded(em, date));
  }
}
