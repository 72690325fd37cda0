import DialogContentText from '@mui/material/DialogContentText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useAccountContacts } from '../../accounts/useAccountContacts';
import { useBackhaulDataProvider } from '../../dataProvider';
import type { Contract } from '../../types';
import { ActionDialog } from '../common/ActionDialog';
import { useContractsChanged } from './useContracts';

/** "Send for signature" to one of the account's contacts with an email address. */
export const SendContractDialog = ({ contract, onClose }: { contract: Contract; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useContractsChanged();
  const { contacts } = useAccountContacts(contract.accountId);
  const withEmail = contacts.filter((c) => c.email);
  const [contactId, setContactId] = useState<number | ''>(withEmail.find((c) => c.isPrimary)?.id ?? '');
  const confirm = async () => {
    const sent = await dataProvider.sendContract(contract.id, Number(contactId));
    await changed();
    return `Sent to ${sent.openRequest?.email ?? 'the contact'} for signature`;
  };
  return (
    <ActionDialog
      title={`Send '${contract.name}' for signature`}
      confirmLabel="Send"
      onConfirm={confirm}
      onClose={onClose}
      disabled={contactId === ''}
    >
      <DialogContentText sx={{ mb: 2 }}>
        The contact gets an email with a link of their own. Reminders follow until it is signed, declined or the link expires.
      </DialogContentText>
      <TextField select fullWidth label="Contact" value={contactId} onChange={(e) => setContactId(Number(e.target.value))}>
        {withEmail.map((c) => (
          <MenuItem key={c.id} value={c.id}>
            {c.name} ({c.email})
          </MenuItem>
        ))}
      </TextField>
    </ActionDialog>
  );
};
