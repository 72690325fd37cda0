import DialogContentText from '@mui/material/DialogContentText';
import { ActionDialog } from '../../billing/common/ActionDialog';
import type { CallLog } from '../types';
import { formatDuration } from './duration';
import { useCallLogsChanged } from './useCallLogsChanged';
import { useBackhaulDataProvider } from '../../dataProvider';

/** Deleting asks first; tickets opened or requested from the call stay. */
export const DeleteCallLogDialog = ({ callLog, onClose }: { callLog: CallLog; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useCallLogsChanged(callLog.accountId);
  const pending = callLog.ticketRequests.filter((request) => request.ticketId === null).length;
  const confirm = async () => {
    await dataProvider.deleteCallLog(callLog.id);
    await changed();
    return 'Call log deleted';
  };
  return (
    <ActionDialog title="Delete this call log?" confirmLabel="Delete call log" confirmColor="error" onConfirm={confirm} onClose={onClose}>
      <DialogContentText>
        “{callLog.subject}”, {new Date(callLog.calledAt).toLocaleString()}, {formatDuration(callLog.durationSeconds)}, taken by{' '}
        {callLog.attendantName}. The account’s logs keep a copy.
        {callLog.tickets.length === 1 ? ` Ticket #${callLog.tickets[0].id}, opened from it, stays.` : ''}
        {callLog.tickets.length > 1 ? ` The ${callLog.tickets.length} tickets opened from it stay.` : ''}
        {pending === 1 ? ' The ticket request made from it stays.' : ''}
        {pending > 1 ? ` The ${pending} ticket requests made from it stay.` : ''}
      </DialogContentText>
    </ActionDialog>
  );
};
