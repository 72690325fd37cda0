/** react-query keys of the account billing data that is not a react-admin resource. */
export const billingQueryKeys = {
  figures: (accountId: number) => ['billing-figures', accountId] as const,
  invoiceTransactions: (invoiceId: number) => ['invoice-transactions', invoiceId] as const,
  childInvoices: (invoiceId: number) => ['child-invoices', invoiceId] as const,
  applications: (transactionId: number) => ['credit-applications', transactionId] as const,
  paymentHistory: (transactionId: number) => ['payment-history', transactionId] as const,
  childAccounts: (accountId: number) => ['child-accounts', accountId] as const,
  billingConfig: (accountId: number) => ['account-billing-config', accountId] as const,
  geoTaxes: (accountId: number) => ['geo-taxes', accountId] as const,
  taxOverrides: (accountId: number) => ['tax-overrides', accountId] as const,
};

/** Everything a money action on an account can change, by the first part of the query key. */
export const BILLING_QUERY_ROOTS = [
  'billing-figures',
  'invoice-transactions',
  'child-invoices',
  'credit-applications',
  'payment-history',
  'child-accounts',
  'unlinked-child-invoices',
  // react-admin resources: their keys start with the resource name.
  'invoices',
  'transactions',
  'account-services',
  'action-history',
];
