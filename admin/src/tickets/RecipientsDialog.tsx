import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import DialogContentText from '@mui/material/DialogContentText';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useAccountContacts } from '../accounts/useAccountContacts';
import { ActionDialog } from '../billing/common/ActionDialog';
import { useBackhaulDataProvider } from '../dataProvider';
import { type Ticket, ticketNumber } from './types';
import { useTicket } from './useTicket';
import { useTicketsChanged } from './useTicketsChanged';

/** A recipient as the picker holds it: a contact of the account, or a typed address. */
interface Choice {
  contactId: number | null;
  name: string | null;
  address: string;
}

const ONE_ADDRESS = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;
const choiceLabel = (choice: Choice) => (choice.name ? `${choice.name} <${choice.address}>` : choice.address);
const same = (a: Choice, b: Choice) =>
  a.contactId !== null ? a.contactId === b.contactId : b.contactId === null && a.address === b.address;

const RecipientsForm = ({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useTicketsChanged();
  const { contacts } = useAccountContacts(ticket.accountId ?? undefined);
  const [chosen, setChosen] = useState<Choice[]>(() =>
    ticket.recipients.map((recipient) => ({ contactId: recipient.contactId, name: recipient.contactName, address: recipient.address })),
  );
  const [typed, setTyped] = useState('');
  const options: Choice[] = contacts
    .filter((contact) => contact.email)
    .map((contact) => ({ contactId: contact.id, name: contact.name, address: contact.email as string }));
  const invalid = chosen.filter((choice) => choice.contactId === null && !ONE_ADDRESS.test(choice.address));

  const add = (text: string) => {
    const address = text.trim().replace(/[,;]$/, '');
    if (!address) return;
    const choice = { contactId: null, name: null, address };
    if (!chosen.some((other) => same(other, choice))) setChosen([...chosen, choice]);
    setTyped('');
  };

  const confirm = async () => {
    await dataProvider.replaceTicketRecipients(
      ticket.id,
      chosen.map((choice) => (choice.contactId !== null ? { contactId: choice.contactId } : { address: choice.address })),
    );
    await changed();
    return chosen.length ? `Recipients of ${ticketNumber(ticket.id)} saved` : `${ticketNumber(ticket.id)} has no recipients now`;
  };

  return (
    <ActionDialog
      title={`Recipients of ticket ${ticketNumber(ticket.id)}`}
      confirmLabel="Save recipients"
      onConfirm={confirm}
      onClose={onClose}
      disabled={invalid.length > 0 || chosen.length > 50}
    >
      <DialogContentText>Public replies are emailed to each of them, one email each.</DialogContentText>
      {ticket.visibility === 'internal' ? (
        <Alert severity="info" sx={{ mt: 1 }}>
          This ticket is internal: nothing is emailed until it is made public.
        </Alert>
      ) : null}
      <Autocomplete<Choice, true, false, true>
        multiple
        freeSolo
        options={options}
        value={chosen}
        onChange={(_event, values) =>
          setChosen(values.map((value) => (typeof value === 'string' ? { contactId: null, name: null, address: value.trim() } : value)))
        }
        inputValue={typed}
        onInputChange={(_event, text) => (/[,;\s]$/.test(text) ? add(text) : setTyped(text))}
        getOptionLabel={(option) => (typeof option === 'string' ? option : choiceLabel(option))}
        isOptionEqualToValue={same}
        filterSelectedOptions
        renderValue={(values, getItemProps) =>
          values.map((value, index) => {
            const { key, ...itemProps } = getItemProps({ index });
            const choice = typeof value === 'string' ? { contactId: null, name: null, address: value } : value;
            const bad = choice.contactId === null && !ONE_ADDRESS.test(choice.address);
            return <Chip key={key} {...itemProps} size="small" color={bad ? 'error' : 'default'} label={choiceLabel(choice)} />;
          })
        }
        renderInput={(params) => (
          <TextField
            {...params}
            autoFocus
            margin="normal"
            label="Recipients"
            placeholder={chosen.length ? '' : 'Pick a contact or type an address'}
            onBlur={() => add(typed)}
            error={invalid.length > 0}
            helperText={
              invalid.length > 0
                ? `Not an email address: ${invalid.map((choice) => choice.address).join(', ')}`
                : 'Contacts of the account, or any address'
            }
          />
        )}
      />
    </ActionDialog>
  );
};

/** Who receives the ticket's public replies: contacts of its account and typed addresses. */
export const RecipientsDialog = ({ ticketId, onClose }: { ticketId: number; onClose: () => void }) => {
  const { data } = useTicket(ticketId);
  return data ? <RecipientsForm ticket={data} onClose={onClose} /> : null;
};
