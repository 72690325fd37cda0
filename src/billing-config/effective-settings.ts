import type { EntityManager, ValueTransformer } from 'typeorm';
import { BILLING_SETTING_KEYS, BillingSettings } from './billing-settings';
import { BillingSettingsRow } from './billing-settings-row.entity';

/**
 * Effective billing settings as SQL: a view (created by a migration) with one row per
 * account, every setting already inherited (account, else account type, else system),
 * plus `anchor_day`, the day of the month the account's service periods start. SQL that
 * needs a setting joins it; TypeScript reads it through effectiveSettingsOf. Nothing else
 * re-derives inheritance or the anniversary rule.
 */
export const EFFECTIVE_SETTINGS_VIEW = 'effective_billing_settings';

/** `JOIN effective_billing_settings <as> ON <as>.account_id = <account>.id`: the settings of the account aliased `account`. */
export function joinEffectiveSettings(account: string, as: string): string {
  return `JOIN ${EFFECTIVE_SETTINGS_VIEW} ${as} ON ${as}.account_id = ${account}.id`;
}

const NUMERIC_TYPES = new Set(['tinyint', 'smallint', 'int', 'integer', 'bigint']);

/** A view row as typed settings: the column types and transformers are the billing_settings entity's own. */
function settingsFromRow(em: EntityManager, row: Record<string, unknown>): BillingSettings {
  const meta = em.connection.getMetadata(BillingSettingsRow);
  const settings: Record<string, unknown> = {};
  for (const key of BILLING_SETTING_KEYS) {
    const column = meta.findColumnWithPropertyName(key);
    if (!column) throw new Error(`billing setting ${key} has no column`);
    let value = row[column.databaseName];
    if (value !== null && value !== undefined) {
      if (column.type === 'boolean') value = Boolean(Number(value));
      else if (NUMERIC_TYPES.has(String(column.type))) value = Number(value);
    } else {
      value = null;
    }
    const transformer = column.transformer as ValueTransformer | undefined;
    settings[key] = transformer && value !== null ? transformer.from(value) : value;
  }
  return settings as unknown as BillingSettings;
}

/** The effective settings of each account (unknown ids are left out), one query whatever their number. */
export async function effectiveSettingsOf(em: EntityManager, accountIds: number[]): Promise<Map<number, BillingSettings>> {
  const result = new Map<number, BillingSettings>();
  if (!accountIds.length) return result;
  const rows: Record<string, unknown>[] = await em.query(`SELECT * FROM ${EFFECTIVE_SETTINGS_VIEW} WHERE account_id IN (?)`, [accountIds]);
  for (const row of rows) result.set(Number(row.account_id), settingsFromRow(em, row));
  return result;
}

/** The day of the month the account's service periods start, or null for an unknown account. */
export async function anchorDayOf(em: EntityManager, accountId: number): Promise<number | null> {
  const [row]: { anchor_day: number }[] = await em.query(`SELECT anchor_day FROM ${EFFECTIVE_SETTINGS_VIEW} WHERE account_id = ?`, [
    accountId,
  ]);
  return row ? Number(row.anchor_day) : null;
}
