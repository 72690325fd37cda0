/** GET /api/accounts/:id/call-logs and /api/call-logs/:id (see docs/call-logs.md). */
export interface CallLog {
  id: number;
  accountId: number;
  subject: string;
  durationSeconds: number;
  attendantUserId: number;
  attendantName: string;
  calledAt: string;
  notes: string | null;
  createdBy: number;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  ticketRequests: CallLogTicketRequest[];
}

export type TicketRequestKind = 'internal' | 'public';

export interface CallLogTicketRequest {
  id: number;
  callLogId: number | null;
  kind: TicketRequestKind;
  subject: string;
  description: string | null;
  accountId: number;
  assigneeUserId: number | null;
  assigneeName: string | null;
  status: 'pending';
  createdBy: number;
  createdAt: string;
}

export const EMAIL_STATUSES = ['queued', 'sent', 'rejected', 'invalid'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];
export type EmailAttachmentKind = 'invoice_pdf' | 'statement_pdf' | 'receipt_pdf';

/** GET /api/accounts/:id/emails (see docs/email.md). */
export interface Email {
  id: number;
  accountId: number | null;
  contactId: number | null;
  to: string;
  subject: string;
  status: EmailStatus;
  rejectReason: string | null;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
  categoryId: number | null;
  categoryName: string | null;
  templateKey: string | null;
  related: { type: string; id: number } | null;
  attachments: { id: number; filename: string; kind: EmailAttachmentKind; sourceId: number }[];
}

/** GET /api/emails/:id */
export interface EmailDetail extends Email {
  text: string;
  html: string | null;
  serverReply: string | null;
  messageId: string;
}
