import type { CreditApplication, PaymentMethod, PostedTransaction, Transaction } from '../../types';
import { apiPath, getJson, listQuery, sendJson } from './request';

export interface PaymentInput {
  accountId: number;
  method: PaymentMethod;
  amount: number;
  reference?: string;
  date?: string;
}

export interface OneTimeInput {
  accountId: number;
  serviceId: number;
  quantity?: number;
  price?: number;
  date?: string;
  description?: string;
}

export interface AdjustmentInput {
  accountId: number;
  serviceId: number;
  amount?: number;
  date?: string;
  description?: string;
}

/**
 * The same key for every attempt of one payment: the API answers a repeat with
 * the first result, so a double click or a retry after a timeout pays once.
 */
export const takePayment = (input: PaymentInput, idempotencyKey: string): Promise<PostedTransaction> =>
  sendJson('POST', apiPath`/payments`, input, { 'Idempotency-Key': idempotencyKey });

export const postOneTime = (input: OneTimeInput): Promise<PostedTransaction> => sendJson('POST', apiPath`/transactions/one-time`, input);

export const postAdjustment = (input: AdjustmentInput): Promise<PostedTransaction> =>
  sendJson('POST', apiPath`/transactions/adjustments`, input);

export const reverseDebit = (transactionId: number, reason?: string): Promise<PostedTransaction> =>
  sendJson('POST', apiPath`/transactions/${transactionId}/reverse`, reason ? { reason } : {});

export const voidCredit = (transactionId: number, reason?: string): Promise<PostedTransaction> =>
  sendJson('POST', apiPath`/transactions/${transactionId}/void`, reason ? { reason } : {});

export const describeDebit = (transactionId: number, description: string): Promise<Transaction> =>
  sendJson('PUT', apiPath`/transactions/${transactionId}/description`, { description });

/** Ledger rows with their taxes and running balance, oldest first. */
export const listTransactions = (filter: Record<string, unknown>): Promise<Transaction[]> =>
  getJson<Transaction[]>(`${apiPath`/transactions`}?${listQuery(filter, ['date', 'ASC'])}`);

export const fetchApplications = (transactionId: number): Promise<CreditApplication[]> =>
  getJson<CreditApplication[]>(apiPath`/transactions/${transactionId}/applications`);

export const receiptPdfUrl = (transactionId: number): string => apiPath`/transactions/${transactionId}/receipt.pdf`;
