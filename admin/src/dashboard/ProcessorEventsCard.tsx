import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { formatAge } from '../accounts/formatting';
import { useBackhaulDataProvider } from '../dataProvider';
import { FigureCard, FigureLink } from './FigureCard';
import { listLink } from './links';

/**
 * The payment processor's events still waiting to be processed, on a request of its own: the
 * figures need webhooks.read, which not everyone who sees the dashboard holds.
 */
export const ProcessorEventsCard = () => {
  const dataProvider = useBackhaulDataProvider();
  const { data, error } = useQuery({ queryKey: ['dashboard', 'webhook-inbox'], queryFn: () => dataProvider.fetchWebhookInbox() });
  return (
    <FigureCard
      title="Processor events"
      caption="Events the payment processor sent, such as a bank debit settling, that are stored and not processed yet; the oldest one's wait shows whether processing keeps up."
    >
      {error ? (
        <Typography variant="body2" color="error">
          The waiting events could not be counted: {error instanceof Error ? error.message : String(error)}
        </Typography>
      ) : (
        <FigureLink
          figure="webhook-events-waiting"
          to={listLink('webhook-events', { status: 'received' })}
          label="Waiting"
          value={data ? data.pending.toLocaleString() : 'Counting…'}
          detail={data ? (data.pending ? `oldest ${formatAge(data.oldestPendingSeconds)}` : 'none waiting') : undefined}
        />
      )}
    </FigureCard>
  );
};
