export { AccountingPeriodPage } from './AccountingPeriodPage';
export { BooksCheckPage } from './BooksCheckPage';
export { SystemBillingSettingsPage } from './SystemBillingSettingsPage';

/** Pages that are not resources, each at its own hash route. */
export const billingPages = {
  settings: '/billing-settings',
  accountingPeriod: '/accounting-period',
  booksCheck: '/books-check',
} as const;
