import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { BILLING_QUERY_ROOTS } from './billingQueryKeys';

/**
 * After any billing action: one payment moves the figures, the invoices, the
 * transactions and the logs together, so all of them are fetched again.
 */
export const useBillingChanged = () => {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      queryClient.invalidateQueries({
        predicate: (query) => typeof query.queryKey[0] === 'string' && BILLING_QUERY_ROOTS.includes(query.queryKey[0]),
      }),
    [queryClient],
  );
};
