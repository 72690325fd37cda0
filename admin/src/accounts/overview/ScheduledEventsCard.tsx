import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useBillingChanged } from '../../billing/common/useBillingChanged';
import { useAccountCurrency } from '../../billing/figures/useBillingFigures';
import { Permissions, useHasPermission } from '../../permissions';
import { formatDateTime } from '../formatting';
import { CancelScheduledEventDialog } from './scheduledEvents/CancelScheduledEventDialog';
import { PerformScheduledEventNowDialog } from './scheduledEvents/PerformScheduledEventNowDialog';
import { ScheduledEventDialog } from './scheduledEvents/ScheduledEventDialog';
import { ScheduledEventDrawer } from './scheduledEvents/ScheduledEventDrawer';
import { ScheduledEventStateChip } from './scheduledEvents/ScheduledEventStateChip';
import { SectionCard } from './SectionCard';
import { useBackhaulDataProvider } from '../../dataProvider';
import type { ScheduledEvent } from '../../types';

/** While something is waiting, look again now and then so an event that has run shows as done. */
const REFRESH_WHILE_WAITING_MS = 15_000;

type Open = { dialog: 'create' } | { dialog: 'edit' | 'cancel' | 'performNow'; event: ScheduledEvent } | null;

/** The account's scheduled events with where each stands; schedule, edit, perform now and cancel them from here. */
export const ScheduledEventsCard = ({ accountId }: { accountId: number }) => {
  const dataProvider = useBackhaulDataProvider();
  const canManage = useHasPermission(Permissions.BillingManage);
  const currency = useAccountCurrency(accountId);
  const queryClient = useQueryClient();
  const billingChanged = useBillingChanged();
  const [open, setOpen] = useState<Open>(null);
  const [shown, setShown] = useState<ScheduledEvent | null>(null);
  const { data: events = [], isPending } = useQuery({
    queryKey: ['scheduled-events', accountId],
    queryFn: () => dataProvider.fetchScheduledEvents(accountId),
    refetchInterval: (query) => (query.state.data?.some((e) => e.state === 'scheduled') ? REFRESH_WHILE_WAITING_MS : false),
  });

  const changed = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['scheduled-events', accountId] }), billingChanged()]);

  return (
    <SectionCard
      title="Scheduled events"
      action={
        canManage ? (
          <Button size="small" variant="outlined" startIcon={<AddIcon />} onClick={() => setOpen({ dialog: 'create' })}>
            Schedule event
          </Button>
        ) : null
      }
    >
      {!isPending && events.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          Nothing scheduled.
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none', maxHeight: 360, overflow: 'auto' }} aria-label="Scheduled events">
          {events.map((event) => (
            <Box
              component="li"
              key={event.id}
              aria-label={`Scheduled event ${event.summary}`}
              sx={{ py: 1, borderBottom: 1, borderColor: 'divider', '&:last-of-type': { borderBottom: 0 } }}
            >
              <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
                <Box sx={{ minWidth: 0 }}>
                  <Link component="button" variant="body2" onClick={() => setShown(event)} sx={{ textAlign: 'left' }}>
                    {event.summary}
                  </Link>
                  <Typography variant="caption" color="text.secondary" component="div">
                    {formatDateTime(event.runAt)}
                  </Typography>
                  {event.failureReason ? (
                    <Typography variant="caption" color="error" component="div">
                      {event.failureReason}
                    </Typography>
                  ) : null}
                </Box>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <ScheduledEventStateChip state={event.state} />
                  {canManage && event.state === 'scheduled' ? (
                    <>
                      <Button size="small" onClick={() => setOpen({ dialog: 'edit', event })}>
                        Edit
                      </Button>
                      <Button size="small" onClick={() => setOpen({ dialog: 'performNow', event })}>
                        Perform now
                      </Button>
                      <Button size="small" color="error" onClick={() => setOpen({ dialog: 'cancel', event })}>
                        Cancel
                      </Button>
                    </>
                  ) : null}
                </Stack>
              </Stack>
            </Box>
          ))}
        </Box>
      )}
      {open?.dialog === 'create' ? (
        <ScheduledEventDialog accountId={accountId} currency={currency} onClose={() => setOpen(null)} onSaved={changed} />
      ) : null}
      {open?.dialog === 'edit' ? (
        <ScheduledEventDialog
          accountId={accountId}
          currency={currency}
          event={open.event}
          onClose={() => setOpen(null)}
          onSaved={changed}
        />
      ) : null}
      {open?.dialog === 'cancel' ? (
        <CancelScheduledEventDialog event={open.event} onClose={() => setOpen(null)} onCancelled={changed} />
      ) : null}
      {open?.dialog === 'performNow' ? (
        <PerformScheduledEventNowDialog event={open.event} onClose={() => setOpen(null)} onPerformed={changed} />
      ) : null}
      <ScheduledEventDrawer event={shown} currency={currency} onClose={() => setShown(null)} />
    </SectionCard>
  );
};
