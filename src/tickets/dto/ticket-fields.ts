import { ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';
import { isEmailAddress } from '../../email/email-address';

export const TICKET_STATUS_KINDS = ['open', 'pending', 'closed'] as const;
export type TicketStatusKind = (typeof TICKET_STATUS_KINDS)[number];

/** Lowest first; raising a priority moves one step along this list. */
export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_VISIBILITIES = ['internal', 'public'] as const;
export type TicketVisibility = (typeof TICKET_VISIBILITIES)[number];

export const TICKET_SOURCES = ['staff', 'email', 'call_log'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

export const TICKET_MESSAGE_KINDS = ['public_reply', 'internal_comment', 'inbound'] as const;
export type TicketMessageKind = (typeof TICKET_MESSAGE_KINDS)[number];

export const TICKET_LINK_KINDS = ['task', 'file', 'job', 'inventory_item'] as const;
export type TicketLinkKind = (typeof TICKET_LINK_KINDS)[number];

export const TICKET_SUBJECT_MAX_LENGTH = 200;
export const TICKET_DESCRIPTION_MAX_LENGTH = 20_000;
export const TICKET_BODY_MAX_LENGTH = 50_000;
export const TICKET_RECIPIENTS_MAX = 50;

/** Left out: unchanged; given: must hold a value (null is refused). */
export const OmittableNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);

export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** One mailbox a relay would take (see email-address.ts); the rule is named `email`. */
export function IsMailbox(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'email',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isEmailAddress(value.trim()),
        defaultMessage: (args) => `${args?.property ?? 'address'} must be one email address, such as help@example.net`,
      },
    },
    options,
  );
}

/** A single value or a list of them, as a list. */
export const asList = ({ value }: { value: unknown }) => (value === undefined || Array.isArray(value) ? value : [value]);
