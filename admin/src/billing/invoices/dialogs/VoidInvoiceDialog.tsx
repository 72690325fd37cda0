import Alert from '@mui/material/Alert';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { Invoice } from '../../../types';
import { ActionDialog } from '../../common/ActionDialog';
import { useBillingChanged } from '../../common/useBillingChanged';
import { useBackhaulDataProvider } from '../../../dataProvider';

/** Voiding is final, so the dialog says exactly what happens to the money. */
export const VoidInvoiceDialog = ({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useBillingChanged();
  const [reason, setReason] = useState('');
  const confirm = async () => {
    await dataProvider.voidInvoice(invoice.id, reason.trim() || undefined);
    await changed();
    return `Invoice ${invoice.number} voided`;
  };
  return (
    <ActionDialog
      title={`Void invoice ${invoice.number}?`}
      confirmLabel="Void invoice"
      confirmColor="error"
      onConfirm={confirm}
      onClose={onClose}
    >
      <Alert severity="warning">
        This cannot be undone. Every payment and credit applied to the invoice is taken off it and becomes available credit again, every
        debit on it is reversed by a discount, and the invoice is locked and marked void.
      </Alert>
      <TextField
        label="Reason"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        fullWidth
        margin="normal"
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
    </ActionDialog>
  );
};
