import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { Transaction } from '../../../types';
import { ActionDialog } from '../../common/ActionDialog';
import { useBillingChanged } from '../../common/useBillingChanged';
import { useBackhaulDataProvider } from '../../../dataProvider';

/** Rewords a debit; its amount never changes. */
export const EditDescriptionDialog = ({ transaction, onClose }: { transaction: Transaction; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useBillingChanged();
  const [description, setDescription] = useState(transaction.description);
  const confirm = async () => {
    await dataProvider.describeDebit(transaction.id, description.trim());
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
