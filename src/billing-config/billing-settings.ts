import type { ApiPropertyOptions } from '@nestjs/swagger';

export const BILLING_MODES = ['fixed', 'anniversary'] as const;
export const BILL_TIMINGS = ['advance', 'arrears'] as const;
export const DAYS_COUNTED_FROM = ['bill', 'invoice'] as const;
export const LATE_FEE_KINDS = ['fixed', 'percent'] as const;
export const PRORATION_ROUNDINGS = ['cent', 'unit'] as const;
export const BILL_MODES = ['invoice', 'statement'] as const;
export const SETTING_SOURCES = ['system', 'account_type', 'account'] as const;

export type BillingMode = (typeof BILLING_MODES)[number];
export type BillTiming = (typeof BILL_TIMINGS)[number];
export type DaysCountedFrom = (typeof DAYS_COUNTED_FROM)[number];
export type LateFeeKind = (typeof LATE_FEE_KINDS)[number];
export type ProrationRounding = (typeof PRORATION_ROUNDINGS)[number];
export type BillMode = (typeof BILL_MODES)[number];
export type SettingSource = (typeof SETTING_SOURCES)[number];

/** Every billing setting as it applies to an account once inheritance is resolved. Money in minor units. */
export interface BillingSettings {
  /** anniversary: bill and invoice day follow the account's activation day (capped at 28). */
  billingMode: BillingMode;
  /** 1..28, the day of the month invoices are produced. */
  billDay: number;
  /** 1..28, the day the service period starts. */
  invoiceDay: number;
  billTiming: BillTiming;
  autopayDays: number;
  dueDays: number;
  graceDays: number;
  statusSwitchDays: number;
  daysCountedFrom: DaysCountedFrom;
  /** A one_time service or a debit adjustment service; null: no late fee. */
  lateFeeServiceId: number | null;
  lateFeeKind: LateFeeKind;
  lateFeeAmount: number;
  lateFeeRateE4: number;
  lateFeeMinimumOverdue: number;
  /** account_statuses.id; null: delinquency changes no status. */
  delinquentStatusId: number | null;
  /** ISO weekdays (1 = Monday .. 7 = Sunday) on which delinquency may be applied, ascending. */
  delinquencyWeekdays: number[];
  /** Once every delinquent invoice is paid, give back the status the account had before it was switched. */
  restoreStatusOnPayment: boolean;
  prorateServices: boolean;
  prorateServiceQuantity: boolean;
  prorateStatusChange: boolean;
  prorateBillDayChange: boolean;
  /** unit: whole currency units (100 minor units), half-up. */
  prorationRounding: ProrationRounding;
  billMode: BillMode;
  printedInvoice: boolean;
  /** Bill runs email each new invoice (or statement) to the account's billing contacts. */
  emailInvoices: boolean;
  taxExempt: boolean;
  invoiceMessage: string | null;
}

export type BillingSettingKey = keyof BillingSettings;

/** What an account type or an account sets itself; null means "inherit". Every key is present. */
export type BillingOverrides = { [K in BillingSettingKey]: BillingSettings[K] | null };

export type BillingSettingSources = Record<BillingSettingKey, SettingSource>;

/** An account's settings, what it sets itself, and where each effective value comes from. */
export interface AccountBillingConfig {
  effective: BillingSettings;
  overrides: BillingOverrides;
  sources: BillingSettingSources;
}

/** An account type's defaults, and what its accounts get when they set nothing themselves. */
export interface AccountTypeBillingDefaults {
  accountTypeId: number;
  effective: BillingSettings;
  overrides: BillingOverrides;
  sources: BillingSettingSources;
}

/** In the order the forms and the documentation list them. */
export const BILLING_SETTING_KEYS = [
  'billingMode',
  'billDay',
  'invoiceDay',
  'billTiming',
  'autopayDays',
  'dueDays',
  'graceDays',
  'statusSwitchDays',
  'daysCountedFrom',
  'lateFeeServiceId',
  'lateFeeKind',
  'lateFeeAmount',
  'lateFeeRateE4',
  'lateFeeMinimumOverdue',
  'delinquentStatusId',
  'delinquencyWeekdays',
  'restoreStatusOnPayment',
  'prorateServices',
  'prorateServiceQuantity',
  'prorateStatusChange',
  'prorateBillDayChange',
  'prorationRounding',
  'billMode',
  'printedInvoice',
  'emailInvoices',
  'taxExempt',
  'invoiceMessage',
] as const satisfies readonly BillingSettingKey[];

/** Settings whose "nothing" is a value of its own; null on the system row switches them off instead of being refused. */
export const NULLABLE_SETTINGS: readonly BillingSettingKey[] = ['lateFeeServiceId', 'delinquentStatusId', 'invoiceMessage'];

export const MAX_DAYS = 120;
/** Far above any real late fee, well inside INT UNSIGNED. */
export const MAX_MONEY = 1_000_000_000;
export const MAX_RATE_E4 = 1_000_000;
export const MAX_INVOICE_MESSAGE = 1000;

const days = (description: string): ApiPropertyOptions => ({ type: Number, minimum: 0, maximum: MAX_DAYS, description });
const money = (description: string): ApiPropertyOptions => ({ type: Number, minimum: 0, maximum: MAX_MONEY, description });

/** OpenAPI shape of each setting, shared by every document that lists the settings. */
export const SETTING_DOCS: Record<BillingSettingKey, ApiPropertyOptions> = {
  billingMode: { enum: BILLING_MODES, enumName: 'BillingMode', description: 'anniversary: the days follow the activation day' },
  billDay: { type: Number, minimum: 1, maximum: 28, description: 'Day of the month invoices are produced' },
  invoiceDay: { type: Number, minimum: 1, maximum: 28, description: 'Day of the month the service period starts' },
  billTiming: { enum: BILL_TIMINGS, enumName: 'BillTiming' },
  autopayDays: days('Days after the invoice that saved payment methods are charged'),
  dueDays: days('Days until an invoice is due'),
  graceDays: days('Days after the due date before an invoice counts as overdue'),
  statusSwitchDays: days('Days overdue before the account becomes delinquent'),
  daysCountedFrom: { enum: DAYS_COUNTED_FROM, enumName: 'DaysCountedFrom' },
  lateFeeServiceId: { type: Number, nullable: true, description: 'A one-time or debit adjustment service; null: no late fee' },
  lateFeeKind: { enum: LATE_FEE_KINDS, enumName: 'LateFeeKind' },
  lateFeeAmount: money('Fixed late fee, minor units'),
  lateFeeRateE4: { type: Number, minimum: 0, maximum: MAX_RATE_E4, description: 'Percent late fee × 10 000 (1.5 % = 15000)' },
  lateFeeMinimumOverdue: money('Least overdue amount that draws a late fee, minor units'),
  delinquentStatusId: { type: Number, nullable: true, description: 'Account status given on delinquency; null: none' },
  delinquencyWeekdays: { type: [Number], minItems: 1, maxItems: 7, description: 'ISO weekdays, 1 = Monday .. 7 = Sunday' },
  restoreStatusOnPayment: { type: Boolean, description: 'Give back the previous status once every delinquent invoice is paid' },
  prorateServices: { type: Boolean },
  prorateServiceQuantity: { type: Boolean },
  prorateStatusChange: { type: Boolean },
  prorateBillDayChange: { type: Boolean },
  prorationRounding: { enum: PRORATION_ROUNDINGS, enumName: 'ProrationRounding', description: 'unit: whole currency units' },
  billMode: { enum: BILL_MODES, enumName: 'BillMode', description: 'statement: invoices also carry prior balances' },
  printedInvoice: { type: Boolean },
  emailInvoices: { type: Boolean, description: 'Bill runs email new invoices to the contacts who receive billing mail' },
  taxExempt: { type: Boolean },
  invoiceMessage: { type: String, nullable: true, maxLength: MAX_INVOICE_MESSAGE },
};

/** Weekdays as stored: bit 0 is Monday, bit 6 Sunday. */
export function weekdaysToMask(weekdays: number[]): number {
  return weekdays.reduce((mask, day) => mask | (1 << (day - 1)), 0);
}

export function maskToWeekdays(mask: number): number[] {
  return [1, 2, 3, 4, 5, 6, 7].filter((day) => (mask & (1 << (day - 1))) !== 0);
}
