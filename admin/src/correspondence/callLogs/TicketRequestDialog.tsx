import Alert from '@mui/material/Alert';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { ActionDialog } from '../../billing/common/ActionDialog';
import { Permissions, useHasPermission } from '../../permissions';
import type { CallLog, TicketRequestKind } from '../types';
import { AttendantSelect } from './AttendantSelect';
import { useCallLogsChanged } from './useCallLogsChanged';
import { useBackhaulDataProvider } from '../../dataProvider';

const KIND_LABELS: Record<TicketRequestKind, string> = { internal: 'internal', public: 'public' };

interface TicketRequestDialogProps {
  callLog: CallLog;
  kind: TicketRequestKind;
  onClose: () => void;
}

/** A ticket from a call, prefilled from it; kept as a pending request until the tickets module takes it up. */
export const TicketRequestDialog = ({ callLog, kind, onClose }: TicketRequestDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const canPickAssignee = useHasPermission(Permissions.UsersRead);
  const changed = useCallLogsChanged(callLog.accountId);
  const [subject, setSubject] = useState(callLog.subject);
  const [description, setDescription] = useState(callLog.notes ?? '');
  const [assigneeId, setAssigneeId] = useState<number | null>(callLog.attendantUserId);

  const confirm = async () => {
    await dataProvider.requestTicket(callLog.id, {
      kind,
      subject: subject.trim(),
      description: description.trim() ? description : null,
      ...(canPickAssignee && assigneeId !== null ? { assigneeUserId: assigneeId } : {}),
    });
    await changed();
    return `The ${KIND_LABELS[kind]} ticket is requested`;
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
        {kind === 'internal' ? 'Only staff will see this ticket.' : 'The subscriber will be able to see this ticket.'}
      </Alert>
      <TextField
        fullWidth
        margin="normal"
        label="Subject"
        value={subject}
        onChange={(event) => setSubject(event.target.value)}
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
        slotProps={{ htmlInput: { maxLength: 10_000 } }}
      />
      {canPickAssignee ? (
        <AttendantSelect label="Assignee" value={assigneeId} onChange={setAssigneeId} currentName={callLog.attendantName} />
      ) : null}
    </ActionDialog>
  );
};
