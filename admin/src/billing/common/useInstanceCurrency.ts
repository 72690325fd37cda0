import { useQuery } from '@tanstack/react-query';
import { fetchSystemBillingSettings } from '../api';

/**
 * The instance's single currency, for pages that are not about one account.
 * Taken from the system billing settings; USD (the API's default) until the API
 * reports it there.
 */
export const useInstanceCurrency = (): string | undefined => {
  const { data, isPending } = useQuery({
    queryKey: ['instance-currency'],
    queryFn: async () => (await fetchSystemBillingSettings()).currency ?? 'USD',
    staleTime: Infinity,
  });
  return isPending ? undefined : (data ?? 'USD');
};
