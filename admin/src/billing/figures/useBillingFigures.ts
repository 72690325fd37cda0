import { useQuery } from '@tanstack/react-query';
import { billingQueryKeys } from '../common/billingQueryKeys';
import { useBackhaulDataProvider } from '../../dataProvider';

/** The account's money figures; one shared query for the banner, the Overview card and the currency. */
export const useBillingFigures = (accountId: number, options: { enabled?: boolean } = {}) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({
    queryKey: billingQueryKeys.figures(accountId),
    queryFn: () => dataProvider.fetchBillingFigures(accountId),
    enabled: options.enabled ?? true,
  });
};

/** The instance currency, as the figures report it; undefined while loading. */
export const useAccountCurrency = (accountId: number): string | undefined => useBillingFigures(accountId).data?.currency;
