import { useQuery } from '@tanstack/react-query';
import { billingQueryKeys } from '../common/billingQueryKeys';
import { useBackhaulDataProvider } from '../../dataProvider';

export const useAccountBillingConfig = (accountId: number) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({
    queryKey: billingQueryKeys.billingConfig(accountId),
    queryFn: () => dataProvider.fetchAccountBillingConfig(accountId),
  });
};
