import { BooleanInput, FormDataConsumer, Labeled, TextInput, maxLength, required } from 'react-admin';
import type { AccountStatus } from '../types';
import { ColorInput } from './ColorInput';
import { StatusChip } from './StatusChip';

export const AccountStatusInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(80)]} />
    <ColorInput source="color" />
    <FormDataConsumer<AccountStatus>>
      {({ formData }) => (
        <Labeled label="Preview">
          <StatusChip name={formData.name || 'Status'} color={formData.color} />
        </Labeled>
      )}
    </FormDataConsumer>
    <BooleanInput source="countsAsActive" label="Counts as active" helperText="Entering this status first sets the activation date" />
    <BooleanInput source="isDelinquency" label="Delinquency status" />
  </>
);
