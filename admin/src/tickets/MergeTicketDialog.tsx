import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import DialogContentText from '@mui/material/DialogContentText';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useGetList, useNavigate } from 'react-admin';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';
import { type TicketRow, ticketNumber } from './types';
import { useTicketsChanged } from './useTicketsChanged';

const label = (ticket: Pick<TicketRow, 'id' | 'subject'>) => `${ticketNumber(ticket.id)} ${ticket.subject}`;

interface MergeTicketDialogProps {
  ticket: Pick<TicketRow, 'id' | 'subject' | 'accountId'>;
  /** Open the surviving ticket afterwards (from the ticket page, whose ticket is now merged). */
  openSurvivor?: boolean;
  onClose: () => void;
}

/**
 * Merge this ticket into another of the same account, found by number or words. The confirmation
 * names both tickets: the conversation and links of the first move to the second, which survives.
 */
export const MergeTicketDialog = ({ ticket, openSurvivor = false, onClose }: MergeTicketDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const navigate = useNavigate();
  const changed = useTicketsChanged();
  const [search, setSearch] = useState('');
  const [into, setInto] = useState<TicketRow | null>(null);
  const query = search.trim().replace(/^#/, '');
  const { data = [], isPending } = useGetList<TicketRow>('tickets', {
    filter: {
      merged: false,
      ...(ticket.accountId !== null ? { accountId: ticket.accountId } : {}),
      ...(query && !into ? { q: query } : {}),
    },
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'lastActivityAt', order: 'DESC' },
  });

  const confirm = async () => {
    const survivor = await dataProvider.mergeTicket(ticket.id, (into as TicketRow).id);
    await changed();
    if (openSurvivor) navigate(`/tickets/${survivor.id}/show`);
    return `Ticket ${ticketNumber(ticket.id)} merged into ${ticketNumber(survivor.id)}`;
  };

  return (
    <ActionDialog
      title={`Merge ticket ${ticketNumber(ticket.id)}`}
      confirmLabel={into ? `Merge into ${ticketNumber(into.id)}` : 'Merge'}
      confirmColor="warning"
      onConfirm={confirm}
      onClose={onClose}
      disabled={into === null}
    >
      <DialogContentText>
        Merge “{ticket.subject}” into another ticket{ticket.accountId !== null ? ' of the same account' : ''}.
      </DialogContentText>
      <Autocomplete
        options={data.filter((candidate) => candidate.id !== ticket.id)}
        loading={isPending}
        value={into}
        onChange={(_event, chosen) => setInto(chosen)}
        inputValue={search}
        onInputChange={(_event, text) => setSearch(text)}
        filterOptions={(candidates) => candidates}
        getOptionLabel={label}
        isOptionEqualToValue={(option, selected) => option.id === selected.id}
        renderInput={(params) => (
          <TextField {...params} autoFocus label="Merge into" margin="normal" helperText="A ticket number or words of its subject" />
        )}
      />
      {into ? (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {ticketNumber(ticket.id)} “{ticket.subject}” will be merged into {ticketNumber(into.id)} “{into.subject}”. Its messages, links,
          recipients and child tickets move to {ticketNumber(into.id)}; {ticketNumber(ticket.id)} is closed and points to it. This cannot be
          undone.
        </Alert>
      ) : null}
    </ActionDialog>
  );
};
