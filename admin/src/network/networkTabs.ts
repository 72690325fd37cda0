import type { ComponentType } from 'react';
import type { AccountTabProps } from '../accounts/accountTabs';
import { ElevationProfileTab } from '../elevation/ElevationProfileTab';
import { IpAssignmentsTab } from './assignments/IpAssignmentsTab';
import { InventoryItemsTab } from './inventory/InventoryItemsTab';
import { UninventoriedMacsTab } from './macs/UninventoriedMacsTab';
import { RadiusAccountsTab } from './radius/RadiusAccountsTab';

export interface NetworkInnerTab {
  /** URL segment after /accounts/:id/show/network/; the first tab is the default. */
  path: string;
  label: string;
  component: ComponentType<AccountTabProps>;
}

/** The tabs along the top of the account's Network & Inventory tab, in order. */
export const networkTabs: NetworkInnerTab[] = [
  { path: 'ip-assignments', label: 'IP Assignments', component: IpAssignmentsTab },
  { path: 'radius-accounts', label: 'RADIUS Accounts', component: RadiusAccountsTab },
  { path: 'inventory-items', label: 'Inventory Items', component: InventoryItemsTab },
  { path: 'uninventoried-macs', label: 'Uninventoried MAC Addresses', component: UninventoriedMacsTab },
  { path: 'elevation-profile', label: 'Elevation Profile', component: ElevationProfileTab },
];
