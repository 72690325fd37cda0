import Alert from '@mui/material/Alert';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { formatDate } from '../accounts/formatting';
import { ActionDialog } from '../billing/common/ActionDialog';
import type { AccountingPeriod } from '../types';
import { useBackhaulDataProvider } from '../dataProvider';

interface CloseAccountingPeriodDialogProps {
  period: AccountingPeriod;
  closeDate: string;
  onSaved: () => void;
  onClose: () => void;
}

/** Closing cannot be undone, so the date must be typed again before the button works. */
export const CloseAccountingPeriodDialog = ({ period, closeDate, onSaved, onClose }: CloseAccountingPeriodDialogProps) => {
  const dataProvider = useBackhaulDataProvider();
  const [typed, setTyped] = useState('');
  const confirm = async () => {
    await dataProvider.saveAccountingPeriod({ ...period, closeDate });
    onSaved();
    return `The books are closed through ${formatDate(closeDate)}`;
  };
  return (
    <ActionDialog
      title={`Close the books through ${formatDate(closeDate)}?`}
      confirmLabel="Close accounting period"
      confirmColor="error"
      onConfirm={confirm}
      onClose={onClose}
      disabled={typed.trim() !== closeDate}
    >
      <Alert severity="warning" sx={{ mb: 2 }}>
        This cannot be undone. Nothing dated on or before {formatDate(closeDate)} can be added, changed, voided or deleted afterwards;
        corrections are dated in the open period instead. The close date only ever moves forward.
      </Alert>
      <TextField
        label={`Type ${closeDate} to confirm`}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        fullWidth
        autoComplete="off"
      />
    </ActionDialog>
  );
};
