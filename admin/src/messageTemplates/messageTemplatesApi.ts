import { apiPath, getJson, sendJson } from '../billing/api/request';

export interface MergeField {
  field: string;
  placeholder: string;
  description: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
}

export interface MessageRecipient {
  contactId: number;
  name: string;
  email: string;
}

export interface InvoiceEmailRecipients {
  invoiceId: number;
  billMode: 'invoice' | 'statement';
  templateKey: string;
  categoryName: string;
  recipients: MessageRecipient[];
}

export interface InvoiceEmailResult {
  invoiceId: number;
  billMode: 'invoice' | 'statement';
  emails: { emailId: number; contactId: number; to: string }[];
}

export const fetchMergeFields = (): Promise<MergeField[]> => getJson(apiPath`/message-templates/merge-fields`);

export const previewTemplate = (
  key: string,
  body: { accountId: number; invoiceId?: number; paymentId?: number; subject?: string; bodyText?: string },
): Promise<RenderedMessage> => sendJson('POST', apiPath`/message-templates/${key}/preview`, body);

export const fetchInvoiceEmailRecipients = (invoiceId: number): Promise<InvoiceEmailRecipients> =>
  getJson(apiPath`/invoices/${invoiceId}/email-recipients`);

export const emailInvoice = (invoiceId: number): Promise<InvoiceEmailResult> => sendJson('POST', apiPath`/invoices/${invoiceId}/email`);
