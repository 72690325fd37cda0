import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useRefresh } from 'react-admin';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';
import type { WebhookEvent } from './types';

/**
 * Starts processing again for an event that still waits, after the operator confirms;
 * meant for one whose processing was stopped, as when its workflow was terminated.
 */
export const HandOverAgainButton = ({ event }: { event: WebhookEvent }) => {
  const dataProvider = useBackhaulDataProvider();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outlined" size="small" onClick={() => setOpen(true)}>
        Hand over again
      </Button>
      {open ? (
        <ActionDialog
          title="Hand this event over again?"
          confirmLabel="Hand over again"
          onClose={() => setOpen(false)}
          onConfirm={async () => {
            await dataProvider.redispatchWebhookEvent(event.id);
            refresh();
            return `Event ${event.id} was handed to processing again`;
          }}
        >
          <Typography variant="body2" gutterBottom>
            Processing of this event starts again, as if the processor had just sent it. Use it when its processing was stopped, for
            instance when its workflow was terminated, and the event has waited since.
          </Typography>
          <Typography variant="body2">
            Processing reads the current state of the payment, refund or dispute from the processor, so handing an event over twice books
            nothing twice. An event already processed or ignored cannot be handed over; one still being processed simply carries on.
          </Typography>
        </ActionDialog>
      ) : null}
    </>
  );
};
