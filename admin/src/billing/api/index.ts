export * from './accountBillingApi';
export * from './invoicesApi';
export * from './request';
export * from './systemBillingApi';
export * from './taxesApi';
export * from './transactionsApi';
