import type { Address, CustomFieldValue, CustomFieldType } from '../types';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 1536 → "1.5 KB" (powers of 1024). */
export const formatBytes = (bytes: number): string => {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
};

const DIVISIONS: { amount: number; unit: Intl.RelativeTimeFormatUnit }[] = [
  { amount: 60, unit: 'second' },
  { amount: 60, unit: 'minute' },
  { amount: 24, unit: 'hour' },
  { amount: 7, unit: 'day' },
  { amount: 4.34524, unit: 'week' },
  { amount: 12, unit: 'month' },
  { amount: Number.POSITIVE_INFINITY, unit: 'year' },
];

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "3 minutes ago", "yesterday". */
export const timeAgo = (iso: string, now: Date = new Date()): string => {
  let duration = (new Date(iso).getTime() - now.getTime()) / 1000;
  if (!Number.isFinite(duration)) return '';
  for (const division of DIVISIONS) {
    if (Math.abs(duration) < division.amount) return relativeFormat.format(Math.round(duration), division.unit);
    duration /= division.amount;
  }
  return '';
};

const AGE_UNITS: { seconds: number; unit: 'day' | 'hour' | 'minute' | 'second' }[] = [
  { seconds: 86_400, unit: 'day' },
  { seconds: 3_600, unit: 'hour' },
  { seconds: 60, unit: 'minute' },
  { seconds: 1, unit: 'second' },
];

/** How long something has waited, in its largest whole unit: 45 → "45 sec", 150 → "2 min", 7200 → "2 hr". */
export const formatAge = (seconds: number): string => {
  const whole = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  const { seconds: size, unit } = AGE_UNITS.find((u) => whole >= u.seconds) ?? AGE_UNITS[AGE_UNITS.length - 1];
  return new Intl.NumberFormat(undefined, { style: 'unit', unit, unitDisplay: 'short' }).format(Math.floor(whole / size));
};

export const formatDateTime = (iso: string | null | undefined): string => (iso ? new Date(iso).toLocaleString() : '—');

/** A calendar date (YYYY-MM-DD) shown as is in the local format, without a time-zone shift. */
export const formatDate = (date: string | null | undefined): string => {
  if (!date) return '—';
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  return new Date(year, month - 1, day).toLocaleDateString();
};

export const formatAddress = (address: Address | null | undefined): string =>
  address
    ? [address.line1, address.line2, address.city, [address.region, address.postcode].filter(Boolean).join(' '), address.country]
        .filter(Boolean)
        .join(', ')
    : '';

export const formatCustomFieldValue = (type: CustomFieldType, value: CustomFieldValue): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (type === 'boolean') return value === true || value === 'true' ? 'Yes' : 'No';
  if (type === 'date' && typeof value === 'string') return formatDate(value);
  return String(value);
};
