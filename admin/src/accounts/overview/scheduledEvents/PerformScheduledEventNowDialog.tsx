import DialogContentText from '@mui/material/DialogContentText';
import { ActionDialog } from '../../../billing/common/ActionDialog';
import { formatDateTime } from '../../formatting';
import { useBackhaulDataProvider } from '../../../dataProvider';
import type { ScheduledEvent } from '../../../types';

/** The notice for what came of the event; a refusal is recorded on it, so it is news rather than an error. */
const outcomeText = (event: ScheduledEvent): string => {
  if (event.state === 'done') return `${event.summary}: done`;
  if (event.state === 'failed') return `${event.summary}: failed (${event.failureReason ?? 'no reason given'})`;
  return `${event.summary}: being carried out`;
};

/** Asks before carrying a scheduled event out now instead of at its time; it then acts once and is closed. */
export const PerformScheduledEventNowDialog = ({
  event,
  onClose,
  onPerformed,
}: {
  event: ScheduledEvent;
  onClose: () => void;
  onPerformed: () => Promise<unknown>;
}) => {
  const dataProvider = useBackhaulDataProvider();
  const confirm = async () => {
    const after = await dataProvider.performScheduledEventNow(event.id);
    await onPerformed();
    return outcomeText(after);
  };
  return (
    <ActionDialog title="Perform this event now?" confirmLabel="Perform now" onConfirm={confirm} onClose={onClose}>
      <DialogContentText>
        {event.summary} happens now instead of at {formatDateTime(event.runAt)}, dated today, and it will not happen again at that time.
      </DialogContentText>
    </ActionDialog>
  );
};
