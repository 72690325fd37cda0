import DialogContentText from '@mui/material/DialogContentText';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { Invoice } from '../../../types';
import { ActionDialog } from '../../common/ActionDialog';
import { useBillingChanged } from '../../common/useBillingChanged';
import { useBackhaulDataProvider } from '../../../dataProvider';

/** Freeze or unfreeze the invoice and change the message printed on it. */
export const EditInvoiceDialog = ({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useBillingChanged();
  const [frozen, setFrozen] = useState(invoice.frozen);
  const [message, setMessage] = useState(invoice.message ?? '');
  const confirm = async () => {
    await dataProvider.updateInvoice(invoice.id, { frozen, message: message.trim() || null });
    await changed();
    return `Invoice ${invoice.number} saved`;
  };
  return (
    <ActionDialog title={`Edit invoice ${invoice.number}`} confirmLabel="Save invoice" onConfirm={confirm} onClose={onClose}>
      <FormControlLabel control={<Switch checked={frozen} onChange={(event) => setFrozen(event.target.checked)} />} label="Frozen" />
      <DialogContentText variant="body2">
        Payments are not applied to a frozen invoice on their own, and it cannot be changed until it is unfrozen.
      </DialogContentText>
      <TextField
        label="Message printed on the invoice"
        value={message}
        onChange={(event) => setMessage(event.target.value)}
        fullWidth
        multiline
        minRows={2}
        margin="normal"
        slotProps={{ htmlInput: { maxLength: 2000 } }}
      />
    </ActionDialog>
  );
};
