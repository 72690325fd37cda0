import { optionalText, text } from '../common/formText';
import type { InventoryModel, ItemStatus } from '../network/types';

export const toManufacturerPayload = (data: Record<string, unknown>) => ({ name: text(data.name) });

export const toStockLocationPayload = (data: Record<string, unknown>) => ({
  name: text(data.name),
  description: optionalText(data.description),
});

interface FieldRow {
  id?: number;
  name?: string;
  required?: boolean;
}

/** The field list as the API takes it: the whole list, existing fields by id (kept with their values), new ones by name. */
const modelFields = (data: Record<string, unknown>) =>
  (Array.isArray(data.fields) ? (data.fields as FieldRow[]) : [])
    .filter((field) => text(field?.name))
    .map((field) => ({
      ...(typeof field.id === 'number' ? { id: field.id } : {}),
      name: text(field.name),
      required: Boolean(field.required),
    }));

export const toModelCreate = (data: Record<string, unknown>) => ({
  manufacturerId: Number(data.manufacturerId),
  name: text(data.name),
  macCount: Number(data.macCount ?? 1),
  serialRequired: Boolean(data.serialRequired),
  fields: modelFields(data),
});
/** The same fields as a new model: a MAC count below what an item of the model has comes back as the API's 409 on macCount. */
export const toModelUpdate = toModelCreate;

/** Form keys of the model's fields on an item form: `fieldValue_<field id>` (react-hook-form reads dots and digits as paths). */
export const fieldKey = (fieldId: number): string => `fieldValue_${fieldId}`;

const fieldValues = (data: Record<string, unknown>, model: Pick<InventoryModel, 'fields'> | undefined, keepEmpty: boolean) =>
  (model?.fields ?? [])
    .map((field) => ({ fieldId: field.id, value: text(data[fieldKey(field.id)]) }))
    .filter((value) => keepEmpty || value.value);

/** A new item, at a stock location or an account. The form's model is read to know its fields. */
export const toItemCreate = (data: Record<string, unknown>, model: InventoryModel | undefined) => ({
  modelId: Number(data.modelId),
  serial: text(data.serial) || null,
  macs: (Array.isArray(data.macs) ? (data.macs as unknown[]) : []).slice(0, model?.macCount ?? 0).map(text),
  fieldValues: fieldValues(data, model, false),
  ...(data.holder === 'account' ? { accountId: Number(data.accountId) } : { stockLocationId: Number(data.stockLocationId) }),
  notes: optionalText(data.notes),
});

/** An edit: serial, status, notes and every field's value (an empty one is cleared). */
export const toItemUpdate = (data: Record<string, unknown>, model: InventoryModel | undefined) => ({
  serial: text(data.serial) || null,
  status: data.status as ItemStatus,
  notes: optionalText(data.notes),
  fieldValues: fieldValues(data, model, true),
});
