import { useQuery } from '@tanstack/react-query';
import { fetchAccountHeader } from '../../dataProvider';

/**
 * GET /api/accounts/:id/header records a view, so it is asked once per page
 * opening: never refetched on focus or when a tab remounts.
 */
export const useAccountHeader = (accountId: string) =>
  useQuery({
    queryKey: ['account-header', accountId],
    queryFn: () => fetchAccountHeader(accountId),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
