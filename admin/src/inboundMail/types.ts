import type { components } from '../api/schema';

/** GET /api/inbound-messages: one message the helpdesk mailbox offered, filed or not (see docs/inbound-mail.md). */
export type InboundMessage = components['schemas']['InboundMessageResponseDto'];
export type InboundMessageStatus = InboundMessage['status'];

export const INBOUND_MESSAGE_STATUSES = ['processed', 'rejected', 'received'] as const satisfies readonly InboundMessageStatus[];

/** The list's resource in the data provider: GET /api/inbound-messages in simple-REST. */
export const INBOUND_MESSAGES_RESOURCE = 'inbound-messages';
