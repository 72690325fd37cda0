import { AssignTicketDialog } from './AssignTicketDialog';
import { CreateJobDialog } from './CreateJobDialog';
import { EditTicketDialog } from './EditTicketDialog';
import { MergeTicketDialog } from './MergeTicketDialog';
import { RecipientsDialog } from './RecipientsDialog';
import type { TicketRow } from './types';

export type TicketAction = 'edit' | 'assign' | 'merge' | 'recipients' | 'job';

export type TicketActionState = { action: TicketAction; ticket: TicketRow } | null;

/** The dialog of the action chosen on a row of a ticket list. */
export const TicketActionDialogs = ({ state, onClose }: { state: TicketActionState; onClose: () => void }) => {
  if (!state) return null;
  const { action, ticket } = state;
  switch (action) {
    case 'edit':
      return <EditTicketDialog ticketId={ticket.id} onClose={onClose} />;
    case 'assign':
      return <AssignTicketDialog ticket={ticket} onClose={onClose} />;
    case 'merge':
      return <MergeTicketDialog ticket={ticket} onClose={onClose} />;
    case 'recipients':
      return <RecipientsDialog ticketId={ticket.id} onClose={onClose} />;
    case 'job':
      return <CreateJobDialog ticket={ticket} onClose={onClose} />;
  }
};
