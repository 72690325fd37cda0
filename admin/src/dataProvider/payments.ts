import { answer, api, type Schemas } from './apiClient';

const account = (accountId: number) => ({ params: { path: { id: accountId } } });

/** Saved cards and bank accounts, and payments through the processor. */
export const paymentMethods = {
  fetchPaymentMethods: (accountId: number) => answer(api.GET('/api/accounts/{id}/payment-methods', account(accountId))),

  /** Stripe's publishable key for its elements, or, on an instance without one, Stripe's test methods. */
  fetchPaymentsConfig: () => answer(api.GET('/api/payments/config')),

  /** The client secret Stripe's elements need to collect a card or bank account in the browser. */
  createSetupIntent: (accountId: number, type: Schemas['SetupIntentRequestDto']['type']) =>
    answer(api.POST('/api/accounts/{id}/payment-methods/setup-intent', { ...account(accountId), body: { type } })),

  addPaymentMethod: (accountId: number, input: Schemas['AddPaymentMethodDto']) =>
    answer(api.POST('/api/accounts/{id}/payment-methods', { ...account(accountId), body: input })),

  updatePaymentMethod: (method: Schemas['PaymentMethodDto'], changes: Schemas['UpdatePaymentMethodDto']) =>
    answer(
      api.PATCH('/api/accounts/{id}/payment-methods/{methodId}', {
        params: { path: { id: method.accountId, methodId: method.id } },
        body: changes,
      }),
    ),

  deletePaymentMethod: (method: Schemas['PaymentMethodDto']) =>
    answer(
      api.DELETE('/api/accounts/{id}/payment-methods/{methodId}', { params: { path: { id: method.accountId, methodId: method.id } } }),
    ),

  /**
   * A card or bank payment. Every attempt of one payment carries the same key, so a double
   * click or a retry after a timeout charges once.
   */
  takeProcessorPayment: (method: 'card' | 'bank', input: Schemas['ProcessorPaymentRequestDto'], idempotencyKey: string) => {
    const options = { params: { header: { 'Idempotency-Key': idempotencyKey } }, body: input };
    return answer(method === 'card' ? api.POST('/api/payments/card', options) : api.POST('/api/payments/bank', options));
  },

  fetchProcessorPayments: (accountId: number) => answer(api.GET('/api/accounts/{id}/processor-payments', account(accountId))),

  /** Reverses a payment on the ledger and, when asked, refunds it through the processor. */
  reverseProcessorPayment: (paymentId: number, input: Schemas['ReversePaymentDto']) =>
    answer(api.POST('/api/processor-payments/{id}/reverse', { params: { path: { id: paymentId } }, body: input })),

  /** What happened to one payment: its processor record, reversals, refunds and disputes. */
  fetchPaymentHistory: (transactionId: number) =>
    answer(api.GET('/api/transactions/{id}/payment-history', { params: { path: { id: transactionId } } })),
};
