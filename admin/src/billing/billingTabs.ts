import type { ComponentType } from 'react';
import type { AccountTabProps } from '../accounts/accountTabs';
import { ChildAccountsTab } from './children/ChildAccountsTab';
import { BillingConfigTab } from './config/BillingConfigTab';
import { ContractsTab } from './contracts/ContractsTab';
import { InvoicesTab } from './invoices/InvoicesTab';
import { PaymentDetailsTab } from './payments';
import { AccountServicesTab } from './services/AccountServicesTab';
import { AccountTaxesTab } from './taxes/AccountTaxesTab';
import { TransactionsTab } from './transactions/TransactionsTab';
import { VoiceTab } from '../voice/VoiceTab';

export interface BillingInnerTab {
  /** URL segment after /accounts/:id/show/billing/; the first tab is the default. */
  path: string;
  label: string;
  component: ComponentType<AccountTabProps>;
}

/** The tabs along the top of the account's Billing tab, in order. */
export const billingTabs: BillingInnerTab[] = [
  { path: 'invoices', label: 'Invoices', component: InvoicesTab },
  { path: 'transactions', label: 'Transactions', component: TransactionsTab },
  { path: 'payment-details', label: 'Payment details', component: PaymentDetailsTab },
  { path: 'services', label: 'Services & Packages', component: AccountServicesTab },
  { path: 'voice', label: 'Voice', component: VoiceTab },
  { path: 'configuration', label: 'Billing configuration', component: BillingConfigTab },
  { path: 'taxes', label: 'Taxes', component: AccountTaxesTab },
  { path: 'child-accounts', label: 'Child accounts', component: ChildAccountsTab },
  { path: 'contracts', label: 'Contracts', component: ContractsTab },
];
