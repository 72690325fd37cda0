import { BooleanInput, maxLength, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { RateInput, rateFormValue } from '../RateInput';

export const TaxInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(120)]} />
    <ReferenceInput source="taxTypeId" reference="tax-types" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
      <SelectInput label="Tax type" optionText="name" validate={required()} />
    </ReferenceInput>
    <RateInput source="rateE4" label="Rate" validate={required()} helperText="A percent with up to 4 decimals, e.g. 8.25" />
    <BooleanInput source="active" defaultValue />
  </>
);

/** Only the editable fields, the rate as rateE4. */
export const toTaxPayload = (data: Record<string, unknown>) => ({
  name: String(data.name ?? '').trim(),
  taxTypeId: Number(data.taxTypeId),
  rateE4: rateFormValue(data.rateE4),
  active: data.active !== false,
});
