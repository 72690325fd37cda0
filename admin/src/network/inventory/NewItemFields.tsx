import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetList } from 'react-admin';
import type { InventoryItemInput, InventoryModel } from '../types';
import { MAC_PLACEHOLDER, macProblem } from './macAddress';

/** What the clerk has typed for a new item, before it is sent. */
export interface NewItemDraft {
  model: InventoryModel | null;
  serial: string;
  macs: string[];
  /** By field id. */
  values: Record<number, string>;
  notes: string;
}

export const EMPTY_ITEM_DRAFT: NewItemDraft = { model: null, serial: '', macs: [], values: {}, notes: '' };

/** Why the draft cannot be sent yet, or null. */
export const draftProblem = (draft: NewItemDraft): string | null => {
  const { model } = draft;
  if (!model) return 'Choose a model';
  if (model.serialRequired && !draft.serial.trim()) return 'A serial number is required';
  if (draft.macs.some((mac) => !mac.trim() || macProblem(mac))) return 'Every MAC address is required';
  if (model.fields.some((field) => field.required && !(draft.values[field.id] ?? '').trim())) return 'A required field is empty';
  return null;
};

/** The draft as POST /api/inventory-items takes it, without its holder. */
export const draftInput = (draft: NewItemDraft): Omit<InventoryItemInput, 'accountId' | 'stockLocationId'> => ({
  modelId: (draft.model as InventoryModel).id,
  serial: draft.serial.trim() || null,
  macs: draft.macs.map((mac) => mac.trim()),
  fieldValues: Object.entries(draft.values)
    .filter(([, value]) => value.trim())
    .map(([fieldId, value]) => ({ fieldId: Number(fieldId), value: value.trim() })),
  notes: draft.notes.trim() || null,
});

const modelLabel = (model: InventoryModel) => `${model.manufacturerName} ${model.name}`;

const macsOf = (count: number) => (count === 0 ? 'No MAC address' : count === 1 ? '1 MAC address' : `${count} MAC addresses`);

/**
 * The inputs of a new item: its model (which says how many MAC addresses it has, whether a serial is
 * required and which fields of its own it carries), then those.
 */
export const NewItemFields = ({
  draft,
  onChange,
  errors,
}: {
  draft: NewItemDraft;
  onChange: (draft: NewItemDraft) => void;
  errors: Record<string, string>;
}) => {
  const [input, setInput] = useState('');
  const { model } = draft;
  const q = model && input === modelLabel(model) ? '' : input.trim();
  const models = useGetList<InventoryModel>(
    'inventory-models',
    { filter: q ? { q } : {}, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 50 } },
    { placeholderData: keepPreviousData },
  );

  const chooseModel = (next: InventoryModel | null) =>
    onChange({ ...draft, model: next, macs: Array.from({ length: next?.macCount ?? 0 }, (_, i) => draft.macs[i] ?? ''), values: {} });

  return (
    <>
      <Autocomplete<InventoryModel, false, false, false>
        options={models.data ?? []}
        loading={models.isFetching}
        value={model}
        onChange={(_event, option) => chooseModel(option)}
        inputValue={input}
        onInputChange={(_event, text) => setInput(text)}
        filterOptions={(options) => options}
        getOptionLabel={modelLabel}
        isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
        noOptionsText={q ? 'No model matches' : 'No models yet: add them under Settings'}
        renderOption={({ key, ...props }, option) => (
          <li key={key} {...props}>
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="body2">{modelLabel(option)}</Typography>
              <Typography variant="caption" color="text.secondary" component="div">
                {macsOf(option.macCount)}
                {option.serialRequired ? ' · serial required' : ''}
              </Typography>
            </Box>
          </li>
        )}
        renderInput={(params) => (
          <TextField
            {...params}
            label="Model"
            required
            margin="normal"
            error={Boolean(errors.modelId)}
            helperText={errors.modelId ?? ' '}
          />
        )}
      />
      {model ? (
        <>
          <TextField
            fullWidth
            margin="dense"
            label="Serial number"
            required={model.serialRequired}
            value={draft.serial}
            onChange={(event) => onChange({ ...draft, serial: event.target.value })}
            autoComplete="off"
            slotProps={{ htmlInput: { maxLength: 100, spellCheck: false } }}
            error={Boolean(errors.serial)}
            helperText={errors.serial ?? (model.serialRequired ? ' ' : 'Optional for this model')}
          />
          {draft.macs.map((mac, i) => {
            const problem = macProblem(mac);
            const apiError = errors[`macs[${i}]`] ?? (i === 0 ? errors.macs : undefined);
            return (
              <TextField
                key={i}
                fullWidth
                margin="dense"
                label={draft.macs.length === 1 ? 'MAC address' : `MAC address ${i + 1}`}
                required
                value={mac}
                placeholder={MAC_PLACEHOLDER}
                onChange={(event) => onChange({ ...draft, macs: draft.macs.map((m, j) => (j === i ? event.target.value : m)) })}
                autoComplete="off"
                slotProps={{ htmlInput: { maxLength: 20, spellCheck: false, style: { fontFamily: 'monospace' } } }}
                error={Boolean(apiError ?? problem)}
                helperText={apiError ?? problem ?? ' '}
              />
            );
          })}
          {model.fields.map((field) => (
            <TextField
              key={field.id}
              fullWidth
              margin="dense"
              label={field.name}
              required={field.required}
              value={draft.values[field.id] ?? ''}
              onChange={(event) => onChange({ ...draft, values: { ...draft.values, [field.id]: event.target.value } })}
              autoComplete="off"
              slotProps={{ htmlInput: { maxLength: 500 } }}
              helperText=" "
            />
          ))}
          {errors.fieldValues ? (
            <Typography variant="caption" color="error" component="div">
              {errors.fieldValues}
            </Typography>
          ) : null}
          <TextField
            fullWidth
            margin="dense"
            label="Notes (optional)"
            multiline
            minRows={2}
            value={draft.notes}
            onChange={(event) => onChange({ ...draft, notes: event.target.value })}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
        </>
      ) : null}
    </>
  );
};
