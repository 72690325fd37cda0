import { useQuery } from '@tanstack/react-query';
import { useBackhaulDataProvider } from '../../dataProvider';

/**
 * The instance's single currency, for pages that are not about one account.
 * Taken from the system billing settings; USD (the API's default) until the API
 * reports it there.
 */
export const useInstanceCurrency = (): string | undefined => {
  const dataProvider = useBackhaulDataProvider();
  const { data, isPending } = useQuery({
    queryKey: ['instance-currency'],
    queryFn: async () => (await dataProvider.fetchSystemBillingSettings()).currency ?? 'USD',
    staleTime: Infinity,
  });
  return isPending ? undefined : (data ?? 'USD');
};
