import type { ComponentType } from 'react';
import { BillingTab } from '../billing/BillingTab';
import { CorrespondenceTab } from '../correspondence/CorrespondenceTab';
import { JobsTab } from '../jobs/JobsTab';
import { NetworkTab } from '../network/NetworkTab';
import { Permissions, type PermissionName } from '../permissions';
import { AccountTicketsTab } from '../tickets/AccountTicketsTab';
import type { Account } from '../types';
import { DataUsageTab } from '../usage/DataUsageTab';
import { ContactsTab } from './contacts/ContactsTab';
import { CustomFieldsTab } from './customFields/CustomFieldsTab';
import { AllLogsTab } from './logs/AllLogsTab';
import { OverviewTab } from './overview/OverviewTab';

export interface AccountTabProps {
  account: Account;
}

export interface AccountTab {
  /** URL segment after /accounts/:id/show/; '' is the default tab. */
  path: string;
  label: string;
  component: ComponentType<AccountTabProps>;
  /** Shown only to those who hold it (beyond accounts.read). */
  permission?: PermissionName;
}

/** The side tabs of the account page, in order. A new tab is one entry here. */
export const accountTabs: AccountTab[] = [
  { path: '', label: 'Overview', component: OverviewTab },
  { path: 'billing', label: 'Billing', component: BillingTab, permission: Permissions.BillingRead },
  { path: 'network', label: 'Network & Inventory', component: NetworkTab, permission: Permissions.NetworkRead },
  { path: 'data-usage', label: 'Data Usage', component: DataUsageTab, permission: Permissions.NetworkRead },
  { path: 'tickets', label: 'Tickets', component: AccountTicketsTab, permission: Permissions.TicketsRead },
  { path: 'jobs', label: 'Jobs', component: JobsTab, permission: Permissions.JobsRead },
  { path: 'correspondence', label: 'Correspondence', component: CorrespondenceTab, permission: Permissions.CorrespondenceRead },
  { path: 'contacts', label: 'Contacts', component: ContactsTab },
  { path: 'custom-fields', label: 'Custom Fields', component: CustomFieldsTab },
  { path: 'logs', label: 'All Logs', component: AllLogsTab, permission: Permissions.AuditRead },
];
