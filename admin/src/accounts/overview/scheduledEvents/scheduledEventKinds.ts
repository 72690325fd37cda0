import type { ScheduledEventFields, ScheduledEventKind, ScheduledEventState } from '../../../types';

type Field = keyof ScheduledEventFields;

/** How each kind is named in the panel, and the fields its form shows; the API checks the same list. */
export const KINDS: { kind: ScheduledEventKind; label: string; fields: Field[] }[] = [
  { kind: 'add_service', label: 'Add a service', fields: ['serviceId', 'quantity', 'priceOverride', 'prorate'] },
  { kind: 'remove_service', label: 'Remove a service', fields: ['accountServiceId', 'prorate'] },
  { kind: 'add_package', label: 'Add a package', fields: ['packageId', 'quantity', 'prorate'] },
  { kind: 'remove_package', label: 'Remove a package', fields: ['accountServiceId', 'prorate'] },
  { kind: 'change_status', label: 'Change the status', fields: ['accountStatusId'] },
  { kind: 'set_price_override', label: 'Set a price override', fields: ['accountServiceId', 'priceOverride', 'prorate'] },
  { kind: 'clear_price_override', label: 'Clear a price override', fields: ['accountServiceId', 'prorate'] },
];

export const kindFields = (kind: ScheduledEventKind): Field[] => KINDS.find((k) => k.kind === kind)?.fields ?? [];
export const kindLabel = (kind: ScheduledEventKind): string => KINDS.find((k) => k.kind === kind)?.label ?? kind;

export const STATE_LABELS: Record<ScheduledEventState, string> = {
  scheduled: 'Scheduled',
  done: 'Done',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a datetime-local input shows it: the browser's own time zone, to the minute. */
export const toLocalInput = (iso: string): string => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** What a datetime-local input holds, as the instant the API takes; '' when it holds nothing usable. */
export const fromLocalInput = (value: string): string => {
  const d = new Date(value);
  return value && Number.isFinite(d.getTime()) ? d.toISOString() : '';
};
