import type { FieldError } from '../common/errors';

/**
 * What a scheduled event can do. A new kind (a card or bank payment once payments
 * exist) is one entry here and in KIND_SPECS, its columns, and its branch in the
 * performer.
 */
export const SCHEDULED_EVENT_KINDS = [
  'add_service',
  'remove_service',
  'add_package',
  'remove_package',
  'change_status',
  'set_price_override',
  'clear_price_override',
] as const;
export type ScheduledEventKind = (typeof SCHEDULED_EVENT_KINDS)[number];

export const SCHEDULED_EVENT_STATES = ['scheduled', 'done', 'cancelled', 'failed'] as const;
export type ScheduledEventState = (typeof SCHEDULED_EVENT_STATES)[number];

/** The fields an event may carry besides its kind and time. */
export const KIND_FIELDS = [
  'serviceId',
  'packageId',
  'accountServiceId',
  'quantity',
  'priceOverride',
  'accountStatusId',
  'prorate',
] as const;
export type KindField = (typeof KIND_FIELDS)[number];
export type KindFields = { [F in KindField]: F extends 'prorate' ? boolean | null : number | null };

interface KindSpec {
  required: readonly KindField[];
  optional: readonly KindField[];
}

export const KIND_SPECS: Record<ScheduledEventKind, KindSpec> = {
  add_service: { required: ['serviceId'], optional: ['quantity', 'priceOverride', 'prorate'] },
  remove_service: { required: ['accountServiceId'], optional: ['prorate'] },
  add_package: { required: ['packageId'], optional: ['quantity', 'prorate'] },
  remove_package: { required: ['accountServiceId'], optional: ['prorate'] },
  // Billing does not charge by status, so there is nothing to prorate.
  change_status: { required: ['accountStatusId'], optional: [] },
  set_price_override: { required: ['accountServiceId', 'priceOverride'], optional: ['prorate'] },
  clear_price_override: { required: ['accountServiceId'], optional: ['prorate'] },
};

export const EMPTY_FIELDS: KindFields = {
  serviceId: null,
  packageId: null,
  accountServiceId: null,
  quantity: null,
  priceOverride: null,
  accountStatusId: null,
  prorate: null,
};

/** The kind fields present in a request body (null counts as present: it clears the field). */
export function givenFields(body: Partial<Record<KindField, unknown>>): KindField[] {
  return KIND_FIELDS.filter((field) => body[field] !== undefined);
}

/** Fields the kind does not take, and required ones left empty once the change is applied. */
export function kindFieldErrors(kind: ScheduledEventKind, given: KindField[], merged: KindFields): FieldError[] {
  const spec = KIND_SPECS[kind];
  const errors: FieldError[] = [];
  for (const field of given) {
    if (!spec.required.includes(field) && !spec.optional.includes(field)) {
      errors.push({ field, rule: 'notForKind', message: `a ${kind} event does not take ${field}` });
    }
  }
  for (const field of spec.required) {
    if (merged[field] === null) errors.push({ field, rule: 'required', message: `a ${kind} event needs ${field}` });
  }
  return errors;
}

/** Additions of the kind that put something new on the account. */
export const ADDING_KINDS: readonly ScheduledEventKind[] = ['add_service', 'add_package'];
/** Kinds that take a line (service or package) off the account. */
export const REMOVING_KINDS: readonly ScheduledEventKind[] = ['remove_service', 'remove_package'];
