import Alert from '@mui/material/Alert';
import { useState } from 'react';
import { useNavigate } from 'react-admin';
import { AccountPicker } from '../common';
import type { Account } from '../types';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';
import { TicketFields, type TicketDraft } from './TicketFields';
import { ticketNumber } from './types';
import { useTicketsChanged } from './useTicketsChanged';

interface CreateTicketDialogProps {
  /** The account the ticket is for; null: picked in the dialog, or none (the queue's Create). */
  accountId: number | null;
  /** A child ticket of this one. */
  parent?: { id: number; subject: string };
  /** The clerk's own id, the assignee a new ticket starts with. */
  assigneeUserId?: number | null;
  /** Open the new ticket's page once it is made (else stay where we are). */
  openAfter?: boolean;
  onClose: () => void;
}

const INLINE = ['subject', 'description', 'statusId', 'groupId', 'dueDate'] as const;

/** A new ticket: the account (and parent) already set; a public one goes to the account's primary contact. */
export const CreateTicketDialog = ({ accountId, parent, assigneeUserId = null, openAfter = true, onClose }: CreateTicketDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const navigate = useNavigate();
  const changed = useTicketsChanged();
  const [picked, setPicked] = useState<Account | null>(null);
  const targetAccountId = accountId ?? picked?.id ?? null;
  const [draft, setDraft] = useState<TicketDraft>({
    subject: '',
    description: '',
    visibility: 'internal',
    statusId: null,
    priority: 'medium',
    groupId: null,
    assigneeUserId,
    dueDate: '',
  });

  const confirm = async () => {
    const input = {
      subject: draft.subject.trim(),
      description: draft.description.trim() ? draft.description : null,
      visibility: draft.visibility,
      ...(draft.statusId !== null ? { statusId: draft.statusId } : {}),
      priority: draft.priority,
      groupId: draft.groupId,
      assigneeUserId: draft.assigneeUserId,
      dueDate: draft.dueDate || null,
      ...(parent ? { parentTicketId: parent.id } : {}),
    };
    const ticket =
      targetAccountId === null ? await dataProvider.createTicket(input) : await dataProvider.createAccountTicket(targetAccountId, input);
    await changed();
    if (openAfter) navigate(`/tickets/${ticket.id}/show`);
    return `Ticket ${ticketNumber(ticket.id)} opened`;
  };

  return (
    <ActionDialog
      title={parent ? `Add a child ticket to ${ticketNumber(parent.id)}` : 'Create ticket'}
      confirmLabel="Create ticket"
      onConfirm={confirm}
      onClose={onClose}
      disabled={!draft.subject.trim()}
      maxWidth="md"
      inlineFields={INLINE}
    >
      {(errors) => (
        <>
          {parent ? (
            <Alert severity="info" sx={{ mb: 1 }}>
              A child of {ticketNumber(parent.id)} “{parent.subject}”.
            </Alert>
          ) : null}
          {accountId === null ? (
            <AccountPicker label="Account" value={picked} onChange={setPicked} helperText="Leave empty for a ticket on no account yet" />
          ) : null}
          <TicketFields draft={draft} onChange={setDraft} errors={errors} />
          {draft.visibility === 'public' && targetAccountId !== null ? (
            <Alert severity="info" sx={{ mt: 1 }}>
              Public replies go to the account’s primary contact; change the recipients on the ticket.
            </Alert>
          ) : null}
        </>
      )}
    </ActionDialog>
  );
};
