import type { BillingSettingKey } from '../types';

export type SettingType = 'choice' | 'day' | 'days' | 'boolean' | 'money' | 'rate' | 'text' | 'service' | 'status' | 'weekdays';

export interface SettingField {
  key: BillingSettingKey;
  label: string;
  type: SettingType;
  help?: string;
  /** For `choice`. */
  options?: { value: string; label: string }[];
  /** May be empty (null) even at the system level. */
  nullable?: boolean;
}

export interface SettingGroup {
  title: string;
  fields: SettingField[];
}

/** Every billing setting, grouped as the forms and the account's configuration show them. */
export const settingGroups: SettingGroup[] = [
  {
    title: 'Billing cycle',
    fields: [
      {
        key: 'billingMode',
        label: 'Billing mode',
        type: 'choice',
        options: [
          { value: 'fixed', label: 'Fixed days of the month' },
          { value: 'anniversary', label: 'Anniversary of activation' },
        ],
        help: 'Anniversary: the days follow the day the account was activated (at most the 28th).',
      },
      { key: 'billDay', label: 'Bill day', type: 'day', help: 'The day of the month invoices are made.' },
      { key: 'invoiceDay', label: 'Invoice day', type: 'day', help: 'The day of the month the service period starts.' },
      {
        key: 'billTiming',
        label: 'Bill timing',
        type: 'choice',
        options: [
          { value: 'advance', label: 'In advance' },
          { value: 'arrears', label: 'In arrears' },
        ],
      },
    ],
  },
  {
    title: 'Due dates and collection',
    fields: [
      { key: 'dueDays', label: 'Days until due', type: 'days' },
      { key: 'graceDays', label: 'Grace days', type: 'days' },
      { key: 'autopayDays', label: 'Autopay days', type: 'days', help: 'Days after the invoice that saved payment methods are charged.' },
      { key: 'statusSwitchDays', label: 'Days before delinquency', type: 'days' },
      {
        key: 'daysCountedFrom',
        label: 'Days counted from',
        type: 'choice',
        options: [
          { value: 'bill', label: 'The bill day' },
          { value: 'invoice', label: 'The invoice day' },
        ],
      },
      { key: 'delinquentStatusId', label: 'Delinquent status', type: 'status', nullable: true },
      { key: 'delinquencyWeekdays', label: 'Days delinquency may be applied', type: 'weekdays' },
    ],
  },
  {
    title: 'Late fees',
    fields: [
      { key: 'lateFeeServiceId', label: 'Late fee service', type: 'service', nullable: true, help: 'Empty: no late fee.' },
      {
        key: 'lateFeeKind',
        label: 'Late fee kind',
        type: 'choice',
        options: [
          { value: 'fixed', label: 'A fixed amount' },
          { value: 'percent', label: 'A percent of what is overdue' },
        ],
      },
      { key: 'lateFeeAmount', label: 'Late fee amount', type: 'money' },
      { key: 'lateFeeRateE4', label: 'Late fee rate', type: 'rate' },
      { key: 'lateFeeMinimumOverdue', label: 'Least overdue amount for a late fee', type: 'money' },
    ],
  },
  {
    title: 'Proration',
    fields: [
      { key: 'prorateServices', label: 'Prorate services added or removed', type: 'boolean' },
      { key: 'prorateServiceQuantity', label: 'Prorate quantity changes', type: 'boolean' },
      { key: 'prorateStatusChange', label: 'Prorate status changes', type: 'boolean' },
      { key: 'prorateBillDayChange', label: 'Prorate bill day changes', type: 'boolean' },
      {
        key: 'prorationRounding',
        label: 'Proration rounding',
        type: 'choice',
        options: [
          { value: 'cent', label: 'To the cent' },
          { value: 'unit', label: 'To whole currency units' },
        ],
      },
    ],
  },
  {
    title: 'Invoices',
    fields: [
      {
        key: 'billMode',
        label: 'Bill mode',
        type: 'choice',
        options: [
          { value: 'invoice', label: 'Invoice' },
          { value: 'statement', label: 'Statement (with prior balances)' },
        ],
      },
      { key: 'printedInvoice', label: 'Printed invoice', type: 'boolean' },
      { key: 'emailInvoices', label: 'Email invoices', type: 'boolean' },
      { key: 'taxExempt', label: 'Tax exempt', type: 'boolean' },
      { key: 'invoiceMessage', label: 'Invoice message', type: 'text', nullable: true },
    ],
  },
];

export const settingFields: SettingField[] = settingGroups.flatMap((group) => group.fields);

export const WEEKDAYS = [
  { value: 1, label: 'Mon' },
  { value: 2, label: 'Tue' },
  { value: 3, label: 'Wed' },
  { value: 4, label: 'Thu' },
  { value: 5, label: 'Fri' },
  { value: 6, label: 'Sat' },
  { value: 7, label: 'Sun' },
];
