import { apiPath, getJson, invoicePdfUrl, receiptPdfUrl, sendJson, statementPdfUrl } from '../../billing/api';
import type { Email, EmailAttachmentKind, EmailDetail } from '../types';

/** The list's resource for the data provider: GET /api/accounts/:id/emails in simple-REST. */
export const emailsResource = (accountId: number | string): string => `accounts/${accountId}/emails`;

export const fetchEmail = (id: number): Promise<EmailDetail> => getJson<EmailDetail>(apiPath`/emails/${id}`);

export const writeEmail = (accountId: number | string, input: { contactId: number; subject: string; text: string }): Promise<Email> =>
  sendJson<Email>('POST', apiPath`/accounts/${accountId}/emails`, input);

export const resendEmail = (id: number): Promise<Email> => sendJson<Email>('POST', apiPath`/emails/${id}/resend`);

/** Attachments are rendered when the email is sent; the same documents are served as PDFs. */
export const attachmentUrl = (kind: EmailAttachmentKind, sourceId: number): string =>
  kind === 'invoice_pdf' ? invoicePdfUrl(sourceId) : kind === 'statement_pdf' ? statementPdfUrl(sourceId) : receiptPdfUrl(sourceId);
