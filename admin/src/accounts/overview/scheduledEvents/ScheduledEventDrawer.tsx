import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { DetailList } from '../../../billing/common/DetailList';
import { formatMoney } from '../../../money';
import { formatDateTime } from '../../formatting';
import { kindLabel } from './scheduledEventKinds';
import { ScheduledEventStateChip } from './ScheduledEventStateChip';
import type { ScheduledEvent } from '../../../types';

const prorationText = (prorate: boolean | null): string =>
  prorate === null ? 'As the billing settings say when it runs' : prorate ? 'Prorated' : 'Not prorated';

/** A scheduled event's details in the side panel. */
export const ScheduledEventDrawer = ({
  event,
  currency,
  onClose,
}: {
  event: ScheduledEvent | null;
  currency: string | undefined;
  onClose: () => void;
}) => {
  const rows = (e: ScheduledEvent): [string, ReactNode][] => {
    const when = (show: boolean, label: string, value: ReactNode): [string, ReactNode][] => (show ? [[label, value]] : []);
    return [
      ['What', kindLabel(e.kind)],
      ['When', formatDateTime(e.runAt)],
      ['State', <ScheduledEventStateChip key="state" state={e.state} />],
      ...when(e.failureReason !== null, 'Why it failed', e.failureReason),
      ...when(e.quantity !== null, 'Quantity', String(e.quantity)),
      ...when(e.priceOverride !== null && currency !== undefined, 'Unit price', formatMoney(e.priceOverride ?? 0, currency ?? 'USD')),
      ...when(e.kind !== 'change_status', 'Proration', prorationText(e.prorate)),
      ['Scheduled by', e.createdByEmail ?? '—'],
      ['Scheduled on', formatDateTime(e.createdAt)],
      ['Edits', String(e.revision - 1)],
      ...when(e.actedAt !== null, 'Carried out', formatDateTime(e.actedAt)),
      ...when(e.cancelledAt !== null, 'Cancelled', formatDateTime(e.cancelledAt)),
      ['Workflow', e.workflowId ?? '—'],
    ];
  };
  return (
    <Drawer anchor="right" open={event !== null} onClose={onClose}>
      {event ? (
        <Box sx={{ width: 380, p: 2 }} role="region" aria-label="Scheduled event details">
          <Typography variant="h6" component="h2" sx={{ mb: 2, overflowWrap: 'anywhere' }}>
            {event.summary}
          </Typography>
          <DetailList rows={rows(event)} />
        </Box>
      ) : null}
    </Drawer>
  );
};
