import { minorUnitsToInput, moneyInputError, parseMoneyInput } from '../money';
import { parseRatePercent, rateE4ToInput, ratePercentError } from '../taxes/rateE4';
import type { BillingSettings } from '../types';
import type { SettingField } from './settingFields';

/** A setting as an input holds it: text for numbers and money, so nothing is rounded while typing. */
export type SettingDraft = string | boolean | number[] | number | null;

type SettingValue = BillingSettings[keyof BillingSettings] | null;

export const toDraft = (field: SettingField, value: SettingValue | undefined): SettingDraft => {
  if (value === null || value === undefined)
    return field.type === 'boolean'
      ? false
      : field.type === 'weekdays'
        ? []
        : field.type === 'service' || field.type === 'status'
          ? null
          : '';
  switch (field.type) {
    case 'money':
      return minorUnitsToInput(value as number);
    case 'rate':
      return rateE4ToInput(value as number);
    case 'day':
    case 'days':
      return String(value);
    default:
      return value as SettingDraft;
  }
};

const wholeNumberError = (text: string, min: number, max: number): string | undefined =>
  /^\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max ? undefined : `A whole number from ${min} to ${max}`;

/** Why the draft cannot be saved, or undefined. */
export const draftError = (field: SettingField, draft: SettingDraft): string | undefined => {
  switch (field.type) {
    case 'money':
      return moneyInputError(String(draft ?? ''));
    case 'rate':
      return ratePercentError(String(draft ?? ''));
    case 'day':
      return wholeNumberError(String(draft ?? ''), 1, 28);
    case 'days':
      return wholeNumberError(String(draft ?? ''), 0, 120);
    case 'choice':
      return draft ? undefined : 'Choose one';
    case 'service':
    case 'status':
      return draft === null && !field.nullable ? 'Choose one' : undefined;
    case 'weekdays':
      return (draft as number[]).length ? undefined : 'Choose at least one day';
    default:
      return undefined;
  }
};

/** The value the API takes. Call only when draftError is undefined. */
export const fromDraft = (field: SettingField, draft: SettingDraft): SettingValue => {
  switch (field.type) {
    case 'money':
      return parseMoneyInput(String(draft));
    case 'rate':
      return parseRatePercent(String(draft));
    case 'day':
    case 'days':
      return Number(draft);
    case 'text':
      return String(draft ?? '').trim() || null;
    case 'weekdays':
      return [...(draft as number[])].sort((a, b) => a - b);
    default:
      return draft as SettingValue;
  }
};
