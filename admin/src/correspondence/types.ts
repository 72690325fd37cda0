import type { components } from '../api/schema';

type Schemas = components['schemas'];

/** GET /api/accounts/:id/call-logs and /api/call-logs/:id (see docs/call-logs.md). */
export type CallLog = Schemas['CallLogResponseDto'];
export type CallLogInput = Schemas['CreateCallLogDto'];
export type CallLogTicketRequest = Schemas['CallLogTicketRequestResponseDto'];
export type TicketRequestKind = CallLogTicketRequest['kind'];

/** GET /api/accounts/:id/emails (see docs/email.md). */
export type Email = Schemas['EmailResponseDto'];
export type EmailStatus = Email['status'];
export const EMAIL_STATUSES = ['queued', 'sent', 'rejected', 'invalid'] as const satisfies readonly EmailStatus[];
export type EmailAttachmentKind = Email['attachments'][number]['kind'];
/** GET /api/emails/:id */
export type EmailDetail = Schemas['EmailDetailDto'];
