import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ActionDialog } from '../common/ActionDialog';
import { Money } from '../common/Money';
import type { ProcessorPayment } from './types';
import { usePaymentsChanged } from './usePaymentMethods';
import { useBackhaulDataProvider } from '../../dataProvider';

/** Reverses a card or bank payment after the clerk confirms; refunding through the processor is a choice, on by default. */
export const ReversePaymentDialog = ({ payment, onClose }: { payment: ProcessorPayment; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const [refund, setRefund] = useState(true);
  const [reason, setReason] = useState('');
  const changed = usePaymentsChanged(payment.accountId);
  return (
    <ActionDialog
      title="Reverse this payment?"
      confirmLabel={refund ? 'Reverse and refund' : 'Reverse'}
      confirmColor="error"
      onClose={onClose}
      onConfirm={async () => {
        const result = await dataProvider.reverseProcessorPayment(payment.id, { refund, reason: reason.trim() || undefined });
        await changed();
        if (!result.refund) return 'Payment reversed';
        return result.refund.status === 'failed'
          ? `Payment reversed; the refund was refused: ${result.refund.failureReason ?? 'no reason given'}`
          : `Payment reversed and refund ${result.refund.status}`;
      }}
    >
      <Typography variant="body2" sx={{ mb: 2 }}>
        <Money amount={payment.amount} currency={payment.currency} /> comes off the invoices it paid, which are owed again. This cannot be
        undone.
      </Typography>
      <FormControlLabel
        control={<Checkbox checked={refund} onChange={(e) => setRefund(e.target.checked)} />}
        label="Refund the same amount to the card or bank account"
      />
      <TextField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} fullWidth size="small" sx={{ mt: 1 }} />
    </ActionDialog>
  );
};
