import type { AccountBillingConfig, AccountService, BillingFigures, BillingOverrides, ChildAccount } from '../../types';
import { apiPath, getJson, sendJson } from './request';

export interface AddAccountServiceInput {
  accountId: number;
  serviceId?: number;
  packageId?: number;
  quantity?: number;
  priceOverride?: number;
  /** Only with billing.proration_override; otherwise the billing configuration decides. */
  prorate?: boolean;
  date?: string;
}

export const fetchBillingFigures = (accountId: number): Promise<BillingFigures> => getJson(apiPath`/accounts/${accountId}/billing-figures`);

export const addAccountService = (input: AddAccountServiceInput): Promise<AccountService> =>
  sendJson('POST', apiPath`/account-services`, input);

export const removeAccountService = (id: number, input: { date?: string; prorate?: boolean }): Promise<AccountService> =>
  sendJson('POST', apiPath`/account-services/${id}/remove`, input);

export const fetchChildAccounts = (accountId: number): Promise<ChildAccount[]> => getJson(apiPath`/accounts/${accountId}/child-accounts`);

export const linkChildAccount = (accountId: number, childAccountId: number): Promise<ChildAccount[]> =>
  sendJson('POST', apiPath`/accounts/${accountId}/child-accounts`, { childAccountId });

export const unlinkChildAccount = (accountId: number, childAccountId: number): Promise<ChildAccount[]> =>
  sendJson('DELETE', apiPath`/accounts/${accountId}/child-accounts/${childAccountId}`);

export const fetchAccountBillingConfig = (accountId: number): Promise<AccountBillingConfig> =>
  getJson(apiPath`/accounts/${accountId}/billing-config`);

/** A null value clears that override, so the setting is inherited again. */
export const saveAccountBillingOverrides = (accountId: number, overrides: BillingOverrides): Promise<AccountBillingConfig> =>
  sendJson('PUT', apiPath`/accounts/${accountId}/billing-config`, overrides);
