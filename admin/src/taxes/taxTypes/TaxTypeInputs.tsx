import { maxLength, required, TextInput } from 'react-admin';

export const TaxTypeInputs = () => <TextInput source="name" validate={[required(), maxLength(80)]} />;

/** Only the editable field; the API refuses others. */
export const toTaxTypePayload = (data: Record<string, unknown>) => ({ name: String(data.name ?? '').trim() });
