import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-admin';
import { inboundOutcome } from './inboundOutcome';
import type { InboundMessage } from './types';

/** The outcome, the ticket as a link; then what was left out of the ticket, and how often the mailbox offered the message. */
export const OutcomeCell = ({ message }: { message: InboundMessage }) => {
  const onTicket = message.status === 'processed' && message.ticketId !== null;
  return (
    <Stack spacing={0.25} sx={{ maxWidth: 420 }}>
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {onTicket ? (
          <>
            {message.ticketCreated ? 'Opened ' : 'Added to '}
            <RouterLink to={`/tickets/${message.ticketId}/show`}>ticket #{message.ticketId}</RouterLink>
          </>
        ) : (
          inboundOutcome(message)
        )}
      </Typography>
      {message.notes ? (
        <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.notes}
        </Typography>
      ) : null}
      {message.timesSeen > 1 ? (
        <Typography variant="caption" color="text.secondary">
          Offered {message.timesSeen} times{message.status === 'processed' ? '; filed once' : ''}.
        </Typography>
      ) : null}
    </Stack>
  );
};
