import {
  BILLING_SETTING_KEYS,
  BillingOverrides,
  BillingSettingKey,
  BillingSettings,
  BillingSettingSources,
  SettingSource,
} from './billing-settings';
import type { BillingSettingsRow } from './billing-settings-row.entity';

/** One level below the system: an account type's defaults or an account's overrides. */
export interface OverrideLevel {
  source: Exclude<SettingSource, 'system'>;
  overrides: BillingOverrides;
}

export function emptyOverrides(): BillingOverrides {
  return Object.fromEntries(BILLING_SETTING_KEYS.map((key) => [key, null])) as BillingOverrides;
}

/** The settings a row holds; a missing row holds none. */
export function overridesOf(row: BillingSettingsRow | null | undefined): BillingOverrides {
  if (!row) return emptyOverrides();
  return Object.fromEntries(BILLING_SETTING_KEYS.map((key) => [key, row[key] ?? null])) as BillingOverrides;
}

/** The system row has every required setting filled (the schema checks it), so its values are the settings. */
export function systemSettingsOf(row: BillingSettingsRow): BillingSettings {
  return overridesOf(row) as BillingSettings;
}

/**
 * Each setting comes from the most specific level that sets it (levels listed most
 * specific first), else from the system. An empty invoice message set below the
 * system is a deliberate "no message", so it wins and reads as null.
 */
export function resolveSettings(
  system: BillingSettings,
  levels: OverrideLevel[],
): { effective: BillingSettings; sources: BillingSettingSources } {
  const effective: Record<BillingSettingKey, unknown> = { ...system };
  const sources = {} as BillingSettingSources;
  for (const key of BILLING_SETTING_KEYS) {
    const level = levels.find((l) => l.overrides[key] !== null);
    sources[key] = level?.source ?? 'system';
    if (level) effective[key] = level.overrides[key];
  }
  if (effective.invoiceMessage === '') effective.invoiceMessage = null;
  return { effective: effective as BillingSettings, sources };
}

export function allInherited(overrides: BillingOverrides): boolean {
  return BILLING_SETTING_KEYS.every((key) => overrides[key] === null);
}

export function sameSettings(a: BillingOverrides | BillingSettings, b: BillingOverrides | BillingSettings): boolean {
  return BILLING_SETTING_KEYS.every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}
