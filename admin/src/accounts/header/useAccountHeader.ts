import { useQuery } from '@tanstack/react-query';
import { useBackhaulDataProvider } from '../../dataProvider';

/**
 * GET /api/accounts/:id/header records a view, so it is asked once per page
 * opening: never refetched on focus or when a tab remounts.
 */
export const useAccountHeader = (accountId: string) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({
    queryKey: ['account-header', accountId],
    queryFn: () => dataProvider.fetchAccountHeader(Number(accountId)),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
};
