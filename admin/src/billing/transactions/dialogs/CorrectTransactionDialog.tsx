import DialogContentText from '@mui/material/DialogContentText';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { formatDate } from '../../../accounts/formatting';
import { formatMoney } from '../../../money';
import type { Transaction } from '../../../types';
import { ActionDialog } from '../../common/ActionDialog';
import { useBillingChanged } from '../../common/useBillingChanged';
import { useBackhaulDataProvider } from '../../../dataProvider';

interface CorrectTransactionDialogProps {
  /** reverse: a debit, answered by a discount; void: a credit, cancelled by a void row. */
  mode: 'reverse' | 'void';
  transaction: Transaction;
  currency: string | undefined;
  onClose: () => void;
}

/** Reverses a debit or voids a credit, after saying what it will do. The original row stays in the ledger. */
export const CorrectTransactionDialog = ({ mode, transaction, currency, onClose }: CorrectTransactionDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useBillingChanged();
  const [reason, setReason] = useState('');
  const amount = currency ? formatMoney(transaction.total, currency) : String(transaction.total);
  const what = `${transaction.description} of ${formatDate(transaction.date)} (${amount})`;

  const confirm = async () => {
    const trimmed = reason.trim() || undefined;
    if (mode === 'reverse') await dataProvider.reverseDebit(transaction.id, trimmed);
    else await dataProvider.voidCredit(transaction.id, trimmed);
    await changed();
    return mode === 'reverse' ? 'Debit reversed' : 'Credit voided';
  };

  return (
    <ActionDialog
      title={mode === 'reverse' ? 'Reverse this debit?' : 'Void this credit?'}
      confirmLabel={mode === 'reverse' ? 'Reverse debit' : 'Void credit'}
      confirmColor="error"
      onConfirm={confirm}
      onClose={onClose}
    >
      <DialogContentText>
        {mode === 'reverse'
          ? `A discount of the same amount will be written against ${what}, and it pays down the invoice the debit is on.`
          : `${what} will be cancelled: it is taken off every invoice it paid, and those invoices are owed again.`}
      </DialogContentText>
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
