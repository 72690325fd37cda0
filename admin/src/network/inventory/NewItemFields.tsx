import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useBackhaulDataProvider } from '../../dataProvider';
import { modelLabel } from '../assignments/assignees';
import { SearchPicker } from '../common/SearchPicker';
import type { InventoryItemInput, InventoryModel } from '../types';
import { MAC_HTML_INPUT, MAC_PLACEHOLDER, macProblem } from './macAddress';

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
  const dataProvider = useBackhaulDataProvider();
  const { model } = draft;

  const chooseModel = (next: InventoryModel | null) =>
    onChange({ ...draft, model: next, macs: Array.from({ length: next?.macCount ?? 0 }, (_, i) => draft.macs[i] ?? ''), values: {} });

  return (
    <>
      <SearchPicker<InventoryModel>
        label="Model"
        required
        value={model}
        onChange={chooseModel}
        queryKey={['inventory-models', 'picker']}
        search={dataProvider.searchModels}
        optionLabel={modelLabel}
        optionDetail={(option) => `${macsOf(option.macCount)}${option.serialRequired ? ' · serial required' : ''}`}
        noOptions={{ matching: 'No model matches', none: 'No models yet: add them under Settings' }}
        error={errors.modelId}
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
                slotProps={{ htmlInput: MAC_HTML_INPUT }}
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
