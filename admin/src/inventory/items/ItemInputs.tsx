import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import {
  FormDataConsumer,
  Labeled,
  maxLength,
  RadioButtonGroupInput,
  required,
  SelectInput,
  TextInput,
  useGetOne,
  useRecordContext,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { accountOptionText, ReferenceSearchInput } from '../../common';
import { modelLabel } from '../../network/assignments/assignees';
import { ItemMacs } from '../../network/inventory/itemCells';
import { statusChoicesFor } from '../../network/inventory/itemStatus';
import { MAC_PLACEHOLDER, macProblem } from '../../network/inventory/macAddress';
import type { InventoryItem, InventoryModel } from '../../network/types';
import { fieldKey } from '../payloads';

const macAddress = (value: unknown) => (typeof value === 'string' ? (macProblem(value) ?? undefined) : undefined);

/** The model chosen on the form, loaded: it says which inputs follow. Reported up for the form's transform. */
const useFormModel = (onModel: (model: InventoryModel | undefined) => void): InventoryModel | undefined => {
  const modelId = useWatch({ name: 'modelId' }) as number | undefined;
  const { data } = useGetOne<InventoryModel>('inventory-models', { id: modelId as number }, { enabled: Boolean(modelId) });
  const model = modelId ? data : undefined;
  useEffect(() => onModel(model), [model, onModel]);
  return model;
};

/** The values of the model's own fields; on an edit, each starts at the item's value. */
const FieldValueInputs = ({ model, item }: { model: InventoryModel; item?: InventoryItem }) =>
  model.fields.length === 0 ? null : (
    <>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {model.name} fields
      </Typography>
      {model.fields.map((field) => (
        <TextInput
          key={field.id}
          source={fieldKey(field.id)}
          label={field.name}
          defaultValue={item?.fieldValues.find((value) => value.fieldId === field.id)?.value ?? ''}
          validate={field.required ? [required(), maxLength(500)] : maxLength(500)}
          helperText={field.required ? undefined : 'Optional'}
        />
      ))}
    </>
  );

const HOLDER_CHOICES = [
  { id: 'stock', name: 'Kept at a stock location' },
  { id: 'account', name: 'Deployed at an account' },
];

/** A new item: its model, then what the model asks for (serial, MAC addresses, fields), and where it is. */
export const ItemCreateInputs = ({ onModel }: { onModel: (model: InventoryModel | undefined) => void }) => {
  const model = useFormModel(onModel);
  return (
    <>
      <ReferenceSearchInput
        source="modelId"
        reference="inventory-models"
        label="Model"
        optionText={modelLabel}
        validate={required()}
        minWidth={320}
      />
      {model ? (
        <>
          <TextInput
            source="serial"
            label="Serial number"
            validate={model.serialRequired ? [required(), maxLength(100)] : maxLength(100)}
            helperText={model.serialRequired ? undefined : 'Optional for this model'}
          />
          {Array.from({ length: model.macCount }, (_, i) => (
            <TextInput
              key={i}
              source={`macs.${i}`}
              label={model.macCount === 1 ? 'MAC address' : `MAC address ${i + 1}`}
              placeholder={MAC_PLACEHOLDER}
              validate={[required(), macAddress]}
              sx={{ '& input': { fontFamily: 'monospace' } }}
            />
          ))}
          <FieldValueInputs model={model} />
        </>
      ) : null}
      <RadioButtonGroupInput source="holder" label="Where it is" choices={HOLDER_CHOICES} validate={required()} />
      <FormDataConsumer<{ holder?: string }>>
        {({ formData }) =>
          formData.holder === 'account' ? (
            <ReferenceSearchInput
              source="accountId"
              reference="accounts"
              label="Account"
              optionText={accountOptionText}
              validate={required()}
              minWidth={320}
            />
          ) : (
            <ReferenceSearchInput
              source="stockLocationId"
              reference="stock-locations"
              label="Stock location"
              validate={required()}
              minWidth={320}
            />
          )
        }
      </FormDataConsumer>
      <TextInput source="notes" multiline minRows={2} validate={maxLength(1000)} />
    </>
  );
};

/** An item's edit: its serial, status, notes and field values. The model and the MAC addresses are fixed; the holder changes with Change assignee. */
export const ItemEditInputs = ({ onModel }: { onModel: (model: InventoryModel | undefined) => void }) => {
  const item = useRecordContext<InventoryItem>();
  const model = useFormModel(onModel);
  if (!item) return null;
  return (
    <>
      <Labeled label="Model">
        <Box component="span">
          {item.manufacturerName} {item.modelName}
        </Box>
      </Labeled>
      <Labeled label="MAC addresses">
        <Box>
          <ItemMacs item={item} />
        </Box>
      </Labeled>
      <Labeled label="Held by">
        <Box component="span">
          {item.accountId !== null ? `${item.accountName} (account #${item.accountId})` : `${item.stockLocationName} (stock)`}
        </Box>
      </Labeled>
      <TextInput source="serial" label="Serial number" validate={model?.serialRequired ? [required(), maxLength(100)] : maxLength(100)} />
      <SelectInput
        source="status"
        choices={statusChoicesFor(item)}
        validate={required()}
        helperText={
          item.accountId !== null ? 'Back in stock by Change assignee to a stock location' : 'Deployed by Change assignee to an account'
        }
      />
      {model ? <FieldValueInputs model={model} item={item} /> : null}
      <TextInput source="notes" multiline minRows={2} validate={maxLength(1000)} />
    </>
  );
};
