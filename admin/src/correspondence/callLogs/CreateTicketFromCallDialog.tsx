import Alert from '@mui/material/Alert';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useNavigate } from 'react-admin';
import { ActionDialog } from '../../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../../dataProvider';
import { Permissions, useHasPermission } from '../../permissions';
import { useTicketsChanged } from '../../tickets/useTicketsChanged';
import type { CallLog, TicketRequestKind } from '../types';
import { AttendantSelect } from './AttendantSelect';
import { useCallLogsChanged } from './useCallLogsChanged';

interface CreateTicketFromCallDialogProps {
  callLog: CallLog;
  kind: TicketRequestKind;
  onClose: () => void;
}

/**
 * A ticket from a call, prefilled from it (subject, notes as the description, the attendant as
 * assignee, the call's account), opened at once; its page opens next, to reply or comment.
 */
export const CreateTicketFromCallDialog = ({ callLog, kind, onClose }: CreateTicketFromCallDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const navigate = useNavigate();
  const canPickAssignee = useHasPermission(Permissions.UsersRead);
  const callsChanged = useCallLogsChanged(callLog.accountId);
  const ticketsChanged = useTicketsChanged();
  const [subject, setSubject] = useState(callLog.subject);
  const [description, setDescription] = useState(callLog.notes ?? '');
  const [assigneeId, setAssigneeId] = useState<number | null>(callLog.attendantUserId);

  const confirm = async () => {
    const ticket = await dataProvider.ticketFromCallLog(callLog.id, {
      kind,
      subject: subject.trim(),
      description: description.trim() ? description : null,
      ...(canPickAssignee && assigneeId !== null ? { assigneeUserId: assigneeId } : {}),
    });
    await Promise.all([callsChanged(), ticketsChanged()]);
    navigate(`/tickets/${ticket.id}/show`);
    return `${kind === 'internal' ? 'Internal' : 'Public'} ticket #${ticket.id} opened`;
  };

  return (
    <ActionDialog
      title={kind === 'internal' ? 'Create internal ticket' : 'Create public ticket'}
      confirmLabel="Create ticket"
      onConfirm={confirm}
      onClose={onClose}
      disabled={!subject.trim()}
    >
      <Alert severity="info" sx={{ mb: 1 }}>
        {kind === 'internal'
          ? 'Only staff see this ticket; nothing is emailed from it.'
          : 'Public replies on this ticket are emailed to the account’s primary contact.'}
      </Alert>
      <TextField
        fullWidth
        margin="normal"
        label="Subject"
        value={subject}
        onChange={(event) => setSubject(event.target.value.replace(/[\r\n]/g, ' '))}
        slotProps={{ htmlInput: { maxLength: 200 } }}
        required
      />
      <TextField
        fullWidth
        multiline
        minRows={3}
        margin="normal"
        label="Description"
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        slotProps={{ htmlInput: { maxLength: 20_000 } }}
      />
      {canPickAssignee ? (
        <AttendantSelect label="Assignee" value={assigneeId} onChange={setAssigneeId} currentName={callLog.attendantName} />
      ) : null}
    </ActionDialog>
  );
};
