import type { Invoice, InvoiceTransactions } from '../../types';
import { apiPath, getJson, listQuery, sendJson } from './request';

export interface InvoiceLineInput {
  serviceId: number;
  quantity?: number;
  /** Unit price in minor units; the service's price when left out. */
  price?: number;
  description?: string;
}

export interface CreateInvoiceInput {
  accountId: number;
  invoiceDate?: string;
  dueDate?: string;
  lines?: InvoiceLineInput[];
  includeUninvoiced?: boolean;
  message?: string | null;
}

export const listInvoices = (filter: Record<string, unknown>): Promise<Invoice[]> =>
  getJson<Invoice[]>(`${apiPath`/invoices`}?${listQuery(filter, ['invoiceDate', 'DESC'])}`);

export const fetchInvoiceTransactions = (invoiceId: number): Promise<InvoiceTransactions> =>
  getJson<InvoiceTransactions>(apiPath`/invoices/${invoiceId}/transactions`);

export const createInvoice = (input: CreateInvoiceInput): Promise<Invoice> => sendJson('POST', apiPath`/invoices`, input);

export const generateInvoice = (accountId: number, billingDate: string): Promise<{ created: boolean; invoice: Invoice | null }> =>
  sendJson('POST', apiPath`/accounts/${accountId}/invoices/generate`, { billingDate });

export const updateInvoice = (invoiceId: number, changes: { frozen?: boolean; message?: string | null }): Promise<Invoice> =>
  sendJson('PUT', apiPath`/invoices/${invoiceId}`, changes);

export const voidInvoice = (invoiceId: number, reason?: string): Promise<Invoice> =>
  sendJson('POST', apiPath`/invoices/${invoiceId}/void`, reason ? { reason } : {});

export const deleteInvoice = (invoiceId: number): Promise<void> => sendJson('DELETE', apiPath`/invoices/${invoiceId}`);

export const applyCredits = (invoiceId: number, amount: number): Promise<unknown> =>
  sendJson('POST', apiPath`/invoices/${invoiceId}/apply-credits`, { amount });

export const linkChildInvoice = (parentInvoiceId: number, childInvoiceId: number): Promise<Invoice> =>
  sendJson('POST', apiPath`/invoices/${parentInvoiceId}/child-invoices`, { childInvoiceId });

export const unlinkParentInvoice = (childInvoiceId: number): Promise<Invoice> =>
  sendJson('DELETE', apiPath`/invoices/${childInvoiceId}/parent-invoice`);

export const invoicePdfUrl = (invoiceId: number): string => apiPath`/invoices/${invoiceId}/invoice.pdf`;
export const statementPdfUrl = (invoiceId: number): string => apiPath`/invoices/${invoiceId}/statement.pdf`;
