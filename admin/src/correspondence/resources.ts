import { invoicePdfUrl, receiptPdfUrl, statementPdfUrl } from '../dataProvider';
import type { EmailAttachmentKind } from './types';

/** The email list's resource for the data provider: GET /api/accounts/:id/emails in simple-REST. */
export const emailsResource = (accountId: number | string): string => `accounts/${accountId}/emails`;

/** The call log list's resource for the data provider: GET /api/accounts/:id/call-logs in simple-REST. */
export const callLogsResource = (accountId: number | string): string => `accounts/${accountId}/call-logs`;

/** Attachments are rendered when the email is sent; the same documents are served as PDFs. */
export const attachmentUrl = (kind: EmailAttachmentKind, sourceId: number): string =>
  kind === 'invoice_pdf' ? invoicePdfUrl(sourceId) : kind === 'statement_pdf' ? statementPdfUrl(sourceId) : receiptPdfUrl(sourceId);
