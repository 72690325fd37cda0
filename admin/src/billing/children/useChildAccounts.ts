import { useQuery } from '@tanstack/react-query';
import { billingQueryKeys } from '../common/billingQueryKeys';
import { useBackhaulDataProvider } from '../../dataProvider';

export const useChildAccounts = (accountId: number) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({ queryKey: billingQueryKeys.childAccounts(accountId), queryFn: () => dataProvider.fetchChildAccounts(accountId) });
};
