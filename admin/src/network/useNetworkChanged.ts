import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/** The IP assignment list's resource for the data provider: GET /api/accounts/:id/ip-assignments in simple-REST. */
export const ipAssignmentsResource = (accountId: number | string): string => `accounts/${accountId}/ip-assignments`;

/** The RADIUS account list's resource: GET /api/accounts/:id/radius-accounts in simple-REST. */
export const radiusAccountsResource = (accountId: number | string): string => `accounts/${accountId}/radius-accounts`;

/** react-query keys of the account's network data that is not a react-admin resource. */
export const networkQueryKeys = {
  radiusAccounts: (accountId: number) => ['radius-accounts', accountId] as const,
  activeAssignmentCount: (accountId: number) => ['ip-assignment-count', accountId] as const,
  accountItems: (accountId: number) => ['inventory-items', 'account', accountId] as const,
  uninventoriedMacs: (accountId: number) => ['uninventoried-macs', accountId] as const,
  connectedDevices: (itemId: number) => ['connected-devices', itemId] as const,
  /** Under the assignment list's root, so whatever refreshes the list refreshes these. */
  macAssignments: (accountId: number, kind: 'inventory_mac' | 'uninventoried_mac') =>
    [ipAssignmentsResource(accountId), 'mac', kind] as const,
};

/** Everything an assignment, a RADIUS account, an item or a MAC address change can move, by the first part of the query key. */
const NETWORK_QUERY_ROOTS = [
  'radius-accounts',
  'ip-assignment-count',
  'uninventoried-macs',
  'connected-devices',
  // react-admin resources: their keys start with the resource name (usage figures of the plan).
  'ip-pools',
  'ip-subnets',
  'ip-supernets',
  'action-history',
  // An item's MACs list their addresses; a move of an item changes the counts of the catalogue.
  'inventory-items',
  'inventory-models',
  'stock-locations',
];

/** An account's own list resource (its assignments, its RADIUS accounts), whichever account it is. */
const isAccountList = (root: unknown) => typeof root === 'string' && /^accounts\/\d+\/(ip-assignments|radius-accounts)$/.test(root);

/**
 * After any network action: an address taken moves the assignment lists (of both accounts, after
 * a move), the RADIUS accounts' addresses, the pools' usage and the logs together.
 */
export const useNetworkChanged = () => {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      queryClient.invalidateQueries({
        predicate: (query) => {
          const root = query.queryKey[0];
          return isAccountList(root) || (typeof root === 'string' && NETWORK_QUERY_ROOTS.includes(root));
        },
      }),
    [queryClient],
  );
};
