import type { AccountingPeriod, BillingSettings, BooksReport } from '../../types';
import { apiPath, getJson, sendJson } from './request';

/** The system settings; `currency` is the instance's currency when the API includes it. */
export const fetchSystemBillingSettings = (): Promise<BillingSettings & { currency?: string }> => getJson(apiPath`/billing-settings`);

export const saveSystemBillingSettings = (settings: BillingSettings): Promise<BillingSettings> =>
  sendJson('PUT', apiPath`/billing-settings`, settings);

export const fetchAccountingPeriod = (): Promise<AccountingPeriod> => getJson(apiPath`/accounting-period`);

export const saveAccountingPeriod = (period: AccountingPeriod): Promise<AccountingPeriod> =>
  sendJson('PUT', apiPath`/accounting-period`, period);

export const fetchBooksReport = (accountId?: number): Promise<BooksReport> =>
  getJson(
    accountId === undefined
      ? apiPath`/billing/books`
      : `${apiPath`/billing/books`}?${new URLSearchParams({ accountId: String(accountId) })}`,
  );
