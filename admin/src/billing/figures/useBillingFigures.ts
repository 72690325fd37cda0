import { useQuery } from '@tanstack/react-query';
import { fetchBillingFigures } from '../api';
import { billingQueryKeys } from '../common/billingQueryKeys';

/** The account's money figures; one shared query for the banner, the Overview card and the currency. */
export const useBillingFigures = (accountId: number, options: { enabled?: boolean } = {}) =>
  useQuery({
    queryKey: billingQueryKeys.figures(accountId),
    queryFn: () => fetchBillingFigures(accountId),
    enabled: options.enabled ?? true,
  });

/** The instance currency, as the figures report it; undefined while loading. */
export const useAccountCurrency = (accountId: number): string | undefined => useBillingFigures(accountId).data?.currency;
