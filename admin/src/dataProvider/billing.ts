import type { DataProvider } from 'react-admin';
import type { Invoice, Transaction } from '../types';
import { answer, api, type Schemas } from './apiClient';

const id = (value: number) => ({ params: { path: { id: value } } });
const everything = { page: 1, perPage: 1000 };

/** The account's Billing tab and the billing settings pages. */
export const billingMethods = (rest: DataProvider) => ({
  fetchBillingFigures: (accountId: number) => answer(api.GET('/api/accounts/{id}/billing-figures', id(accountId))),

  addAccountService: (input: Schemas['AddAccountServiceDto']) => answer(api.POST('/api/account-services', { body: input })),

  editAccountService: (accountServiceId: number, input: Schemas['EditAccountServiceDto']) =>
    answer(api.PATCH('/api/account-services/{id}', { ...id(accountServiceId), body: input })),

  removeAccountService: (accountServiceId: number, input: Schemas['RemoveAccountServiceDto']) =>
    answer(api.POST('/api/account-services/{id}/remove', { ...id(accountServiceId), body: input })),

  fetchChildAccounts: (accountId: number) => answer(api.GET('/api/accounts/{id}/child-accounts', id(accountId))),

  linkChildAccount: (accountId: number, childAccountId: number) =>
    answer(api.POST('/api/accounts/{id}/child-accounts', { ...id(accountId), body: { childAccountId } })),

  unlinkChildAccount: (accountId: number, childAccountId: number) =>
    answer(api.DELETE('/api/accounts/{id}/child-accounts/{childId}', { params: { path: { id: accountId, childId: childAccountId } } })),

  fetchAccountBillingConfig: (accountId: number) => answer(api.GET('/api/accounts/{id}/billing-config', id(accountId))),

  /** A null value clears that override, so the setting is inherited again. */
  saveAccountBillingOverrides: (accountId: number, overrides: Schemas['UpdateBillingSettingsDto']) =>
    answer(api.PUT('/api/accounts/{id}/billing-config', { ...id(accountId), body: overrides })),

  fetchSystemBillingSettings: () => answer(api.GET('/api/billing-settings')),

  saveSystemBillingSettings: (settings: Schemas['UpdateBillingSettingsDto']) =>
    answer(api.PUT('/api/billing-settings', { body: settings })),

  fetchAccountingPeriod: () => answer(api.GET('/api/accounting-period')),

  saveAccountingPeriod: (period: Schemas['UpdateAccountingPeriodDto']) => answer(api.PUT('/api/accounting-period', { body: period })),

  fetchBooksReport: (accountId?: number) =>
    answer(api.GET('/api/billing/books', { params: { query: accountId === undefined ? {} : { accountId: String(accountId) } } })),

  fetchGeoTaxes: (accountId: number) => answer(api.GET('/api/accounts/{accountId}/geo-taxes', { params: { path: { accountId } } })),

  fetchTaxOverrides: (accountId: number) => answer(api.GET('/api/accounts/{accountId}/tax-overrides', { params: { path: { accountId } } })),

  createTaxOverride: (accountId: number, input: Schemas['CreateAccountTaxOverrideDto']) =>
    answer(api.POST('/api/accounts/{accountId}/tax-overrides', { params: { path: { accountId } }, body: input })),

  updateTaxOverride: (accountId: number, overrideId: number, input: Schemas['UpdateAccountTaxOverrideDto']) =>
    answer(api.PUT('/api/accounts/{accountId}/tax-overrides/{id}', { params: { path: { accountId, id: overrideId } }, body: input })),

  deleteTaxOverride: (accountId: number, overrideId: number) =>
    answer(api.DELETE('/api/accounts/{accountId}/tax-overrides/{id}', { params: { path: { accountId, id: overrideId } } })),

  listInvoices: async (filter: Schemas['InvoiceFilterDto']): Promise<Invoice[]> =>
    (await rest.getList<Invoice>('invoices', { filter, sort: { field: 'invoiceDate', order: 'DESC' }, pagination: everything })).data,

  fetchInvoiceTransactions: (invoiceId: number) => answer(api.GET('/api/invoices/{id}/transactions', id(invoiceId))),

  createInvoice: (input: Schemas['CreateInvoiceDto']) => answer(api.POST('/api/invoices', { body: input })),

  generateInvoice: (accountId: number, billingDate: string) =>
    answer(api.POST('/api/accounts/{accountId}/invoices/generate', { params: { path: { accountId } }, body: { billingDate } })),

  updateInvoice: (invoiceId: number, changes: Schemas['UpdateInvoiceDto']) =>
    answer(api.PUT('/api/invoices/{id}', { ...id(invoiceId), body: changes })),

  voidInvoice: (invoiceId: number, reason?: string) =>
    answer(api.POST('/api/invoices/{id}/void', { ...id(invoiceId), body: reason ? { reason } : {} })),

  deleteInvoice: (invoiceId: number) => answer(api.DELETE('/api/invoices/{id}', id(invoiceId))),

  applyCredits: (invoiceId: number, amount: number) =>
    answer(api.POST('/api/invoices/{id}/apply-credits', { ...id(invoiceId), body: { amount } })),

  linkChildInvoice: (parentInvoiceId: number, childInvoiceId: number) =>
    answer(api.POST('/api/invoices/{id}/child-invoices', { ...id(parentInvoiceId), body: { childInvoiceId } })),

  unlinkParentInvoice: (childInvoiceId: number) => answer(api.DELETE('/api/invoices/{id}/parent-invoice', id(childInvoiceId))),

  /**
   * The same key for every attempt of one payment: the API answers a repeat with the first
   * result, so a double click or a retry after a timeout pays once.
   */
  takePayment: (input: Schemas['PaymentDto'], idempotencyKey: string) =>
    answer(api.POST('/api/payments', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body: input })),

  postOneTime: (input: Schemas['OneTimeTransactionDto']) => answer(api.POST('/api/transactions/one-time', { body: input })),

  postAdjustment: (input: Schemas['AdjustmentDto']) => answer(api.POST('/api/transactions/adjustments', { body: input })),

  reverseDebit: (transactionId: number, reason?: string) =>
    answer(api.POST('/api/transactions/{id}/reverse', { ...id(transactionId), body: reason ? { reason } : {} })),

  voidCredit: (transactionId: number, reason?: string) =>
    answer(api.POST('/api/transactions/{id}/void', { ...id(transactionId), body: reason ? { reason } : {} })),

  describeDebit: (transactionId: number, description: string) =>
    answer(api.PUT('/api/transactions/{id}/description', { ...id(transactionId), body: { description } })),

  /** Ledger rows with their taxes and running balance, oldest first. */
  listTransactions: async (filter: Schemas['TransactionFilterDto']): Promise<Transaction[]> =>
    (await rest.getList<Transaction>('transactions', { filter, sort: { field: 'date', order: 'ASC' }, pagination: everything })).data,

  fetchApplications: (transactionId: number) => answer(api.GET('/api/transactions/{id}/applications', id(transactionId))),
});
