import Typography from '@mui/material/Typography';
import {
  AutocompleteArrayInput,
  FormDataConsumer,
  maxLength,
  RadioButtonGroupInput,
  ReferenceArrayInput,
  regex,
  required,
  TextInput,
} from 'react-admin';
import { LIST_ACCOUNTS_CHOICES, LIST_ACCOUNTS_LABELS, type ListAccounts } from './types';

/** What RouterOS and most firewalls take as a list name without quoting; the API says the same. */
const listName = regex(/^[a-z0-9][a-z0-9_-]*$/, 'Lower-case letters, digits, - and _, starting with a letter or digit');

const holds = (accounts: ListAccounts | undefined): string =>
  accounts
    ? `The list holds the addresses and routed subnets assigned to ${LIST_ACCOUNTS_LABELS[accounts].toLowerCase()}: active, provisioned ones only, never soft ones.`
    : '';

/** Both forms. The name cannot change once made: routers fetch the list by it. */
export const AddressListInputs = ({ isCreate = false }: { isCreate?: boolean }) => (
  <>
    <TextInput
      source="name"
      validate={isCreate ? [required(), maxLength(63), listName] : undefined}
      disabled={!isCreate}
      helperText={isCreate ? 'The name routers use, e.g. delinquent' : 'Routers fetch the list by this name, so it stays as it is'}
      sx={{ fontFamily: 'monospace', minWidth: 320 }}
    />
    <TextInput
      source="description"
      multiline
      minRows={2}
      validate={maxLength(200)}
      helperText="What routers do with it, e.g. redirect to the payment page"
      sx={{ minWidth: 420 }}
    />
    <RadioButtonGroupInput source="accounts" label="Addresses of" choices={LIST_ACCOUNTS_CHOICES} row={false} validate={required()} />
    <FormDataConsumer<{ accounts?: ListAccounts }>>
      {({ formData }) => (
        <>
          {formData.accounts === 'statuses' ? (
            <ReferenceArrayInput source="statusIds" reference="account-statuses" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
              <AutocompleteArrayInput label="Account statuses" validate={required()} sx={{ minWidth: 420 }} />
            </ReferenceArrayInput>
          ) : null}
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1, maxWidth: 640 }}>
            {holds(formData.accounts)}
          </Typography>
        </>
      )}
    </FormDataConsumer>
  </>
);
