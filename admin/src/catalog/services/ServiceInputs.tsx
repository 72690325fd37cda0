import {
  AutocompleteArrayInput,
  BooleanInput,
  FormDataConsumer,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { ReferenceSearchInput } from '../../common';
import { MoneyInput } from '../../money';
import { SERVICE_KINDS } from '../../types';
import { SERVICE_KIND_LABELS } from '../ServiceKindChip';

const kindChoices = SERVICE_KINDS.map((kind) => ({ id: kind, name: SERVICE_KIND_LABELS[kind] }));
/** A month of calls around the clock is 44,640 minutes; the API refuses a thousand times that. */
const MAX_INCLUDED_MINUTES = 44_640_000;
const includedScopeChoices = [
  { id: 'all', name: 'All calls' },
  { id: 'outbound', name: 'Outbound calls only' },
];
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
    <FormDataConsumer<{ kind?: string }>>
      {({ formData }) =>
        formData.kind === 'voice' ? (
          <>
            <ReferenceInput source="voiceRatePlanId" reference="voice-rate-plans" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
              <SelectInput
                label="Rate plan"
                optionText="name"
                validate={required()}
                helperText="The deck its calls are priced by"
                sx={{ minWidth: 280 }}
              />
            </ReferenceInput>
            <NumberInput
              source="includedMinutes"
              label="Included minutes"
              step={1}
              defaultValue={0}
              validate={[minValue(0), maxValue(MAX_INCLUDED_MINUTES)]}
              helperText="Free each period before calls are charged; 0 for none"
            />
            <RadioButtonGroupInput
              source="includedMinutesScope"
              label="Calls that draw on the included minutes"
              choices={includedScopeChoices}
              defaultValue="all"
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
