import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useAccountContacts } from '../../accounts/useAccountContacts';
import { ActionDialog } from '../../billing/common/ActionDialog';
import { useEmailsChanged } from './useEmailsChanged';
import { useBackhaulDataProvider } from '../../dataProvider';

/** An email from staff to one contact of the account, queued for delivery like any other. */
export const WriteEmailDialog = ({ accountId, onClose }: { accountId: number; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const { contacts, primary } = useAccountContacts(accountId);
  const reachable = contacts.filter((contact) => contact.email);
  const changed = useEmailsChanged(accountId);
  const [picked, setPicked] = useState<number | null>(null);
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const contactId = picked ?? (primary?.email ? primary.id : (reachable[0]?.id ?? null));

  const confirm = async () => {
    const email = await dataProvider.writeEmail(accountId, { contactId: contactId as number, subject: subject.trim(), text });
    await changed();
    return `Email to ${email.to} queued`;
  };

  return (
    <ActionDialog
      title="Write email"
      confirmLabel="Send email"
      onConfirm={confirm}
      onClose={onClose}
      disabled={contactId === null || !subject.trim() || !text.trim()}
      maxWidth="md"
    >
      {reachable.length === 0 ? (
        <Alert severity="warning" sx={{ mb: 1 }}>
          No contact of this account has an email address.
        </Alert>
      ) : null}
      <TextField
        select
        fullWidth
        margin="normal"
        label="To"
        value={contactId === null ? '' : String(contactId)}
        onChange={(event) => setPicked(Number(event.target.value))}
      >
        {reachable.map((contact) => (
          <MenuItem key={contact.id} value={String(contact.id)}>
            {contact.name} &lt;{contact.email}&gt;{contact.isPrimary ? ' (primary)' : ''}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        fullWidth
        margin="normal"
        label="Subject"
        value={subject}
        onChange={(event) => setSubject(event.target.value.replace(/[\r\n]/g, ' '))}
        slotProps={{ htmlInput: { maxLength: 255 } }}
        required
      />
      <TextField
        fullWidth
        multiline
        minRows={8}
        margin="normal"
        label="Message"
        value={text}
        onChange={(event) => setText(event.target.value)}
        required
      />
    </ActionDialog>
  );
};
