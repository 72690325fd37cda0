import { useQuery } from '@tanstack/react-query';
import { useBackhaulDataProvider } from '../../dataProvider';
import { networkQueryKeys } from '../useNetworkChanged';

/** The items the account holds, with their MAC addresses and the addresses each holds now. */
export const useAccountItems = (accountId: number) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({
    queryKey: networkQueryKeys.accountItems(accountId),
    queryFn: () => dataProvider.listAccountItems(accountId),
  });
};

/** The account's uninventoried MAC addresses, by MAC, with the addresses each holds. */
export const useUninventoriedMacs = (accountId: number) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({
    queryKey: networkQueryKeys.uninventoriedMacs(accountId),
    queryFn: () => dataProvider.listUninventoriedMacs(accountId),
  });
};

/** The account's active assignments held by MAC addresses of one kind. */
export const useMacAssignments = (accountId: number, kind: 'inventory_mac' | 'uninventoried_mac', enabled = true) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({
    queryKey: networkQueryKeys.macAssignments(accountId, kind),
    queryFn: () => dataProvider.listMacAssignments(accountId, kind),
    enabled,
  });
};
