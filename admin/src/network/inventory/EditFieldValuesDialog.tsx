import Alert from '@mui/material/Alert';
import DialogContentText from '@mui/material/DialogContentText';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ActionDialog } from '../../billing/common/ActionDialog';
import { errorMessage, useBackhaulDataProvider } from '../../dataProvider';
import { itemLabel } from '../assignments/assignees';
import type { InventoryItem } from '../types';
import { useNetworkChanged } from '../useNetworkChanged';

/** The values of the model's own fields (firmware, a Wi-Fi key…) for one item; the required ones are marked. */
export const EditFieldValuesDialog = ({ item, onClose }: { item: InventoryItem; onClose: () => void }) => {
  const dataProvider = useBackhaulDataProvider();
  const changed = useNetworkChanged();
  const model = useQuery({
    queryKey: ['inventory-models', 'one', item.modelId],
    queryFn: () => dataProvider.getInventoryModel(item.modelId),
  });
  const current = (fieldId: number) => item.fieldValues.find((v) => v.fieldId === fieldId)?.value ?? '';
  const [values, setValues] = useState<Record<number, string>>({});
  const fields = model.data?.fields ?? [];
  const value = (fieldId: number) => values[fieldId] ?? current(fieldId);
  const edited = fields.filter((field) => value(field.id).trim() !== current(field.id));
  const missing = fields.some((field) => field.required && !value(field.id).trim());

  const confirm = async () => {
    await dataProvider.changeItem(item.id, { fieldValues: edited.map((field) => ({ fieldId: field.id, value: value(field.id).trim() })) });
    await changed();
    return `Field values of ${itemLabel(item)} saved`;
  };

  return (
    <ActionDialog
      title={`Field values of ${itemLabel(item)}`}
      confirmLabel="Save"
      onConfirm={confirm}
      onClose={onClose}
      disabled={edited.length === 0 || missing}
    >
      {model.error ? <Alert severity="error">The model could not load: {errorMessage(model.error)}</Alert> : null}
      {model.data && fields.length === 0 ? (
        <DialogContentText>
          The {model.data.manufacturerName} {model.data.name} has no fields of its own. Fields are added to the model under Settings ›
          Inventory models.
        </DialogContentText>
      ) : null}
      {fields.map((field, i) => (
        <TextField
          key={field.id}
          fullWidth
          autoFocus={i === 0}
          margin="dense"
          label={field.name}
          required={field.required}
          value={value(field.id)}
          onChange={(event) => setValues({ ...values, [field.id]: event.target.value })}
          autoComplete="off"
          slotProps={{ htmlInput: { maxLength: 500 } }}
          error={field.required && !value(field.id).trim()}
          helperText={field.required ? (value(field.id).trim() ? ' ' : 'Required') : 'Leave empty to clear it'}
        />
      ))}
    </ActionDialog>
  );
};
