import { useQuery } from '@tanstack/react-query';
import { useBackhaulDataProvider } from '../dataProvider';
import type { Ticket } from './types';

const POLL_MS = 3000;

/** A reply whose email is still on its way: the page looks again until the relay has answered. */
const awaitingDelivery = (ticket: Ticket | undefined) =>
  Boolean(ticket?.messages.some((message) => message.emails.some((email) => email.status === 'queued')));

/** One ticket with its conversation; under the 'tickets' key, so a change to any ticket refreshes it. */
export const useTicket = (ticketId: number | null) => {
  const dataProvider = useBackhaulDataProvider();
  return useQuery({
    queryKey: ['tickets', 'detail', ticketId],
    queryFn: () => dataProvider.fetchTicket(ticketId as number),
    enabled: ticketId !== null,
    refetchInterval: (query) => (awaitingDelivery(query.state.data) ? POLL_MS : false),
  });
};
