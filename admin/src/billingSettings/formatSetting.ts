import { formatMoney } from '../money';
import { formatRateE4 } from '../taxes/rateE4';
import type { BillingSettings } from '../types';
import { type SettingField, WEEKDAYS } from './settingFields';

export interface SettingLookups {
  currency: string | undefined;
  serviceName: (id: number) => string | undefined;
  statusName: (id: number) => string | undefined;
}

/** A setting's value as text for a table. */
export const formatSetting = (
  field: SettingField,
  value: BillingSettings[keyof BillingSettings] | null | undefined,
  lookups: SettingLookups,
): string => {
  if (value === null || value === undefined || value === '') return '—';
  switch (field.type) {
    case 'boolean':
      return value ? 'Yes' : 'No';
    case 'choice':
      return field.options?.find((option) => option.value === value)?.label ?? String(value);
    case 'money':
      return lookups.currency ? formatMoney(value as number, lookups.currency) : String(value);
    case 'rate':
      return formatRateE4(value as number);
    case 'days':
      return `${value} days`;
    case 'service':
      return lookups.serviceName(value as number) ?? `Service #${value}`;
    case 'status':
      return lookups.statusName(value as number) ?? `Status #${value}`;
    case 'weekdays': {
      const days = value as number[];
      return days.length
        ? WEEKDAYS.filter((day) => days.includes(day.value))
            .map((day) => day.label)
            .join(', ')
        : 'None';
    }
    default:
      return String(value);
  }
};
