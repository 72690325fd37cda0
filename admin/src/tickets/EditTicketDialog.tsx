import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import Skeleton from '@mui/material/Skeleton';
import { useState } from 'react';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';
import { TicketFields, type TicketDraft } from './TicketFields';
import { type Ticket, ticketNumber } from './types';
import { useTicket } from './useTicket';
import { useTicketsChanged } from './useTicketsChanged';

const INLINE = ['subject', 'description', 'statusId', 'groupId', 'dueDate'] as const;

const draftOf = (ticket: Ticket): TicketDraft => ({
  subject: ticket.subject,
  description: ticket.description ?? '',
  visibility: ticket.visibility,
  statusId: ticket.statusId,
  priority: ticket.priority,
  groupId: ticket.groupId,
  assigneeUserId: ticket.assigneeUserId,
  dueDate: ticket.dueDate ?? '',
});

/** Only the fields that differ from the ticket as loaded are sent. */
const changes = (before: TicketDraft, after: TicketDraft) => {
  const patch: Record<string, unknown> = {};
  if (after.subject.trim() !== before.subject) patch.subject = after.subject.trim();
  if (after.description !== before.description) patch.description = after.description.trim() ? after.description : null;
  if (after.visibility !== before.visibility) patch.visibility = after.visibility;
  if (after.statusId !== before.statusId && after.statusId !== null) patch.statusId = after.statusId;
  if (after.priority !== before.priority) patch.priority = after.priority;
  if (after.groupId !== before.groupId) patch.groupId = after.groupId;
  if (after.assigneeUserId !== before.assigneeUserId) patch.assigneeUserId = after.assigneeUserId;
  if (after.dueDate !== before.dueDate) patch.dueDate = after.dueDate || null;
  return patch;
};

const EditForm = ({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useTicketsChanged();
  const [initial] = useState(() => draftOf(ticket));
  const [draft, setDraft] = useState(initial);
  const patch = changes(initial, draft);

  const confirm = async () => {
    await dataProvider.updateTicket(ticket.id, patch);
    await changed();
    return `Ticket ${ticketNumber(ticket.id)} saved`;
  };

  return (
    <ActionDialog
      title={`Edit ticket ${ticketNumber(ticket.id)}`}
      confirmLabel="Save changes"
      onConfirm={confirm}
      onClose={onClose}
      disabled={!draft.subject.trim() || Object.keys(patch).length === 0}
      maxWidth="md"
      inlineFields={INLINE}
    >
      {(errors) => (
        <TicketFields
          draft={draft}
          onChange={setDraft}
          errors={errors}
          currentGroupName={ticket.groupName}
          currentAssigneeName={ticket.assigneeName}
        />
      )}
    </ActionDialog>
  );
};

/** Edit a ticket's subject, description, status, priority, visibility, due date, group and assignee; read fresh first. */
export const EditTicketDialog = ({ ticketId, onClose }: { ticketId: number; onClose: () => void }) => {
  const { data } = useTicket(ticketId);
  if (!data)
    return (
      <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-label="Loading the ticket">
        <DialogContent>
          <Skeleton variant="rounded" height={320} />
        </DialogContent>
      </Dialog>
    );
  return <EditForm ticket={data} onClose={onClose} />;
};
