import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Typography from '@mui/material/Typography';
import { ShowBase, Title, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../accounts/formatting';
import { DetailList } from '../billing/common/DetailList';
import { Permissions, useHasPermission } from '../permissions';
import { EventType, WebhookEventStatusChip } from './eventWords';
import { HandOverAgainButton } from './HandOverAgainButton';
import type { WebhookEvent } from './types';

const EventDetails = () => {
  const event = useRecordContext<WebhookEvent>();
  const canDispatch = useHasPermission(Permissions.WebhooksDispatch);
  if (!event) return null;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Processor event" />
      <CardHeader
        title={<EventType type={event.type} />}
        subheader={`Processor event ${event.id}`}
        slotProps={{ subheader: { sx: { overflowWrap: 'anywhere' } } }}
        // Only an event nobody has finished with can be handed over; the API refuses the others.
        action={canDispatch && event.status === 'received' ? <HandOverAgainButton event={event} /> : null}
      />
      <CardContent>
        <DetailList
          label="Processor event"
          rows={[
            ['Status', <WebhookEventStatusChip key="status" status={event.status} />],
            [
              'Object',
              <Box key="object" component="span" sx={{ overflowWrap: 'anywhere' }}>
                {event.objectId ?? '—'}
              </Box>,
            ],
            [
              'Account',
              event.accountId ? (
                <Link key="account" to={`/accounts/${event.accountId}/show`}>
                  #{event.accountId}
                </Link>
              ) : (
                '—'
              ),
            ],
            ['Received', formatDateTime(event.receivedAt)],
            ['Deliveries', event.deliveries],
            ['Handed to processing', event.dispatchedAt ? formatDateTime(event.dispatchedAt) : 'not yet'],
            ['Times handed over', event.dispatches],
            // The workflow id to look up in the Temporal UI: one batch processes many events.
            [
              'Batch',
              <Box key="batch" component="span" sx={{ overflowWrap: 'anywhere', fontFamily: 'monospace' }}>
                {event.batchId ?? '—'}
              </Box>,
            ],
            ['Handler runs', event.attempts],
            ['Outcome', event.outcome ?? '—'],
            ['Processed', formatDateTime(event.processedAt)],
          ]}
        />
        {event.lastError ? (
          <>
            <Typography variant="subtitle2" sx={{ mt: 2 }}>
              Last error
            </Typography>
            <Typography variant="body2" component="pre" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', m: 0 }}>
              {event.lastError}
            </Typography>
          </>
        ) : null}
      </CardContent>
    </Card>
  );
};

/** One processor event and its way through; it refreshes itself while the event waits, so its processing shows when it ends. */
export const WebhookEventShow = () => (
  <ShowBase
    queryOptions={{ refetchInterval: (query) => ((query.state.data as WebhookEvent | undefined)?.status === 'received' ? 3000 : false) }}
  >
    <EventDetails />
  </ShowBase>
);
