import {
  AutocompleteArrayInput,
  BooleanInput,
  FormDataConsumer,
  maxLength,
  minValue,
  NumberInput,
  ReferenceArrayInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { ReferenceSearchInput } from '../../common';
import { MoneyInput } from '../../money';
import { SERVICE_KINDS } from '../../types';
import { SERVICE_KIND_LABELS } from '../ServiceKindChip';

const kindChoices = SERVICE_KINDS.map((kind) => ({ id: kind, name: SERVICE_KIND_LABELS[kind] }));
const sideChoices = [
  { id: 'debit', name: 'Debit: raises the balance' },
  { id: 'credit', name: 'Credit: lowers the balance' },
];

export const ServiceInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(120)]} />
    <SelectInput source="kind" choices={kindChoices} validate={required()} />
    <FormDataConsumer<{ kind?: string }>>
      {({ formData }) =>
        formData.kind === 'adjustment' ? (
          <SelectInput source="adjustmentSide" label="Adjustment side" choices={sideChoices} validate={required()} />
        ) : null
      }
    </FormDataConsumer>
    <MoneyInput source="price" label="Price per unit" validate={required()} helperText="In major units, e.g. 49.99" />
    <FormDataConsumer<{ kind?: string }>>
      {({ formData }) =>
        formData.kind === 'data' ? (
          <>
            <NumberInput source="downloadKbps" label="Download (kbps)" step={1} validate={[required(), minValue(1)]} />
            <NumberInput source="uploadKbps" label="Upload (kbps)" step={1} validate={[required(), minValue(1)]} />
            <ReferenceSearchInput
              source="usagePolicyId"
              reference="usage-policies"
              label="Usage policy"
              minWidth={280}
              helperText="Cap, free hours, top-offs and rollover; empty: usage is recorded, never billed"
            />
          </>
        ) : null
      }
    </FormDataConsumer>
    <TextInput
      source="ledgerCode"
      label="Ledger code"
      validate={[required(), maxLength(40)]}
      helperText="Revenue account in the general ledger"
    />
    <ReferenceArrayInput source="taxIds" reference="taxes" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
      <AutocompleteArrayInput label="Taxes" optionText="name" />
    </ReferenceArrayInput>
    <BooleanInput source="active" defaultValue />
  </>
);
