import DialogContentText from '@mui/material/DialogContentText';
import { ActionDialog } from '../../../billing/common/ActionDialog';
import { formatDateTime } from '../../formatting';
import { useBackhaulDataProvider } from '../../../dataProvider';
import type { ScheduledEvent } from '../../../types';

/** Asks before cancelling a scheduled event; a cancelled event never acts and cannot be brought back. */
export const CancelScheduledEventDialog = ({
  event,
  onClose,
  onCancelled,
}: {
  event: ScheduledEvent;
  onClose: () => void;
  onCancelled: () => Promise<unknown>;
}) => {
  const dataProvider = useBackhaulDataProvider();
  const confirm = async () => {
    await dataProvider.cancelScheduledEvent(event.id);
    await onCancelled();
    return `${event.summary}: cancelled`;
  };
  return (
    <ActionDialog
      title="Cancel this scheduled event?"
      confirmLabel="Cancel event"
      confirmColor="error"
      onConfirm={confirm}
      onClose={onClose}
    >
      <DialogContentText>
        {event.summary}, due {formatDateTime(event.runAt)}, will not happen. A cancelled event cannot be scheduled again; create a new one
        instead.
      </DialogContentText>
    </ActionDialog>
  );
};
