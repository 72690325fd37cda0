import type { ComponentType } from 'react';
import type { AccountTabProps } from '../accounts/accountTabs';
import { IpAssignmentsTab } from './assignments/IpAssignmentsTab';
import { RadiusAccountsTab } from './radius/RadiusAccountsTab';

export interface NetworkInnerTab {
  /** URL segment after /accounts/:id/show/network/; the first tab is the default. */
  path: string;
  label: string;
  component: ComponentType<AccountTabProps>;
}

/**
 * The tabs along the top of the account's Network & Inventory tab, in order. Inventory Items and
 * Uninventoried MAC Addresses come after RADIUS Accounts, one entry each, once the inventory exists.
 */
export const networkTabs: NetworkInnerTab[] = [
  { path: 'ip-assignments', label: 'IP Assignments', component: IpAssignmentsTab },
  { path: 'radius-accounts', label: 'RADIUS Accounts', component: RadiusAccountsTab },
];
