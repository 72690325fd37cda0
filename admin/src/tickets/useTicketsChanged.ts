import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useAccountChanged } from '../accounts/useAccountChanged';

/** The list of an account's tickets, for the data provider: GET /api/accounts/:id/tickets in simple-REST. */
export const accountTicketsResource = (accountId: number | string): string => `accounts/${accountId}/tickets`;

const ACCOUNT_TICKETS = /^accounts\/\d+\/tickets$/;

/** After a ticket changes: the queue, every account's Tickets tab, the ticket pages and the account's logs. */
export const useTicketsChanged = () => {
  const queryClient = useQueryClient();
  const accountChanged = useAccountChanged();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['tickets'] }),
      queryClient.invalidateQueries({
        predicate: (query) => typeof query.queryKey[0] === 'string' && ACCOUNT_TICKETS.test(query.queryKey[0]),
      }),
      // Jobs and links made from a ticket show on the account's other tabs.
      queryClient.invalidateQueries({ queryKey: ['account-tasks'] }),
      accountChanged(),
    ]);
  }, [queryClient, accountChanged]);
};
