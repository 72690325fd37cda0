import { useQuery } from '@tanstack/react-query';
import { useBackhaulDataProvider } from '../../dataProvider';
import { networkQueryKeys } from '../useNetworkChanged';

/** The account's RADIUS accounts, by username, with the addresses each holds now, and how many it has in all. */
export const useRadiusAccounts = (accountId: number) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({
    queryKey: networkQueryKeys.radiusAccounts(accountId),
    queryFn: () => dataProvider.listRadiusAccounts(accountId),
  });
};
