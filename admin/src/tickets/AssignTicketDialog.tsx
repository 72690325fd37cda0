import DialogContentText from '@mui/material/DialogContentText';
import { useState } from 'react';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';
import { AssigneeSelect } from './AssigneeSelect';
import { type TicketRow, ticketNumber } from './types';
import { useTicketsChanged } from './useTicketsChanged';

/** Hand the ticket to someone, or to nobody. */
export const AssignTicketDialog = ({
  ticket,
  onClose,
}: {
  ticket: Pick<TicketRow, 'id' | 'subject' | 'assigneeUserId' | 'assigneeName'>;
  onClose: () => void;
}) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useTicketsChanged();
  const [assignee, setAssignee] = useState<number | null>(ticket.assigneeUserId);
  const confirm = async () => {
    const saved = await dataProvider.updateTicket(ticket.id, { assigneeUserId: assignee });
    await changed();
    return saved.assigneeName
      ? `Ticket ${ticketNumber(ticket.id)} assigned to ${saved.assigneeName}`
      : `Ticket ${ticketNumber(ticket.id)} unassigned`;
  };
  return (
    <ActionDialog
      title={`Assign ticket ${ticketNumber(ticket.id)}`}
      confirmLabel="Assign"
      onConfirm={confirm}
      onClose={onClose}
      disabled={assignee === ticket.assigneeUserId}
    >
      <DialogContentText>
        “{ticket.subject}”, now {ticket.assigneeName ? `with ${ticket.assigneeName}` : 'unassigned'}.
      </DialogContentText>
      <AssigneeSelect value={assignee} onChange={setAssignee} currentName={ticket.assigneeName} autoFocus />
    </ActionDialog>
  );
};
