import { httpClient } from '../../dataProvider';
import { apiPath, getJson, sendJson } from '../api';
import type { PaymentHistory, PaymentMethodChanges, PaymentMethodType, ProcessorPayment, SavedPaymentMethod } from './types';

export const fetchPaymentMethods = (accountId: number): Promise<SavedPaymentMethod[]> =>
  getJson(apiPath`/accounts/${accountId}/payment-methods`);

/** The client secret Stripe's elements need to collect a card or bank account in the browser. */
export const createSetupIntent = (accountId: number, type: PaymentMethodType): Promise<{ setupIntentId: string; clientSecret: string }> =>
  sendJson('POST', apiPath`/accounts/${accountId}/payment-methods/setup-intent`, { type });

export const addPaymentMethod = (
  accountId: number,
  input: { paymentMethodId: string; holderName?: string; autopay?: boolean },
): Promise<SavedPaymentMethod> => sendJson('POST', apiPath`/accounts/${accountId}/payment-methods`, input);

export const updatePaymentMethod = async (method: SavedPaymentMethod, changes: PaymentMethodChanges): Promise<SavedPaymentMethod> =>
  (
    await httpClient(apiPath`/accounts/${method.accountId}/payment-methods/${method.id}`, {
      method: 'PATCH',
      headers: new Headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify(changes),
    })
  ).json as SavedPaymentMethod;

export const deletePaymentMethod = (method: SavedPaymentMethod): Promise<SavedPaymentMethod> =>
  sendJson('DELETE', apiPath`/accounts/${method.accountId}/payment-methods/${method.id}`);

/**
 * A card or bank payment. Every attempt of one payment carries the same key, so a
 * double click or a retry after a timeout charges once.
 */
export const takeProcessorPayment = (
  method: PaymentMethodType,
  input: { accountId: number; paymentMethodId: number; amount: number; date?: string },
  idempotencyKey: string,
): Promise<ProcessorPayment> => sendJson('POST', apiPath`/payments/${method}`, input, { 'Idempotency-Key': idempotencyKey });

export const fetchProcessorPayments = (accountId: number): Promise<ProcessorPayment[]> =>
  getJson(apiPath`/accounts/${accountId}/processor-payments`);

/** Reverses a payment on the ledger and, when asked, refunds it through the processor. */
export const reverseProcessorPayment = (
  paymentId: number,
  input: { refund: boolean; reason?: string },
): Promise<{ paymentId: number; reversalTransactionId: number; refund: { status: string; failureReason: string | null } | null }> =>
  sendJson('POST', apiPath`/processor-payments/${paymentId}/reverse`, input);

/** What happened to one payment: its processor record, reversals, refunds and disputes. */
export const fetchPaymentHistory = (transactionId: number): Promise<PaymentHistory> =>
  getJson(apiPath`/transactions/${transactionId}/payment-history`);
