import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { Transaction } from '../../../types';
import { describeDebit } from '../../api';
import { ActionDialog } from '../../common/ActionDialog';
import { useBillingChanged } from '../../common/useBillingChanged';

/** Rewords a debit; its amount never changes. */
export const EditDescriptionDialog = ({ transaction, onClose }: { transaction: Transaction; onClose: () => void }) => {
  const changed = useBillingChanged();
  const [description, setDescription] = useState(transaction.description);
  const confirm = async () => {
    await describeDebit(transaction.id, description.trim());
    await changed();
    return 'Description saved';
  };
  return (
    <ActionDialog
      title="Edit the debit's description"
      confirmLabel="Save description"
      onConfirm={confirm}
      onClose={onClose}
      disabled={!description.trim()}
    >
      <TextField
        label="Description"
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        fullWidth
        margin="normal"
        required
        slotProps={{ htmlInput: { maxLength: 255 } }}
      />
    </ActionDialog>
  );
};
