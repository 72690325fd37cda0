import Stack from '@mui/material/Stack';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  FormDataConsumer,
  ReferenceArrayInput,
  ReferenceInput,
  SelectInput,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { searchByName } from '../common';
import type { Account } from '../types';
import { AddressInputs } from './AddressInputs';
import { CustomFieldValueInputs } from './CustomFieldValueInputs';
import type { AccountFormValues } from './accountPayload';

/** Parent candidates found by the accounts search; the API refuses self, grandchildren and cycles (409). */
const ParentAccountInput = () => (
  <ReferenceInput source="parentAccountId" reference="accounts" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput
      label="Parent account"
      optionText={(account: Account) => `${account.name} (#${account.id})`}
      filterToQuery={searchByName}
      parse={(value: number | string | null) => (value === '' || value === null ? null : Number(value))}
      helperText="Leave empty for a standalone account"
      sx={{ minWidth: 320 }}
    />
  </ReferenceInput>
);

/** The fields shared by the create and edit forms. */
export const AccountInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(200)]} />
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
      <ReferenceInput source="accountTypeId" reference="account-types" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <SelectInput label="Type" optionText="name" validate={required()} sx={{ minWidth: 200 }} />
      </ReferenceInput>
      <ReferenceInput source="accountStatusId" reference="account-statuses" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <SelectInput label="Status" optionText="name" validate={required()} sx={{ minWidth: 200 }} />
      </ReferenceInput>
    </Stack>
    <ReferenceArrayInput source="groupIds" reference="account-groups" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
      <AutocompleteArrayInput label="Groups" optionText="name" filterToQuery={searchByName} sx={{ minWidth: 320 }} />
    </ReferenceArrayInput>
    <ParentAccountInput />
    <AddressInputs source="serviceAddress" title="Service address" withCoordinates />
    <BooleanInput source="hasMailingAddress" label="Separate mailing address" />
    <FormDataConsumer<AccountFormValues>>
      {({ formData }) => (formData.hasMailingAddress ? <AddressInputs source="mailingAddress" title="Mailing address" /> : null)}
    </FormDataConsumer>
    <CustomFieldValueInputs />
  </>
);
