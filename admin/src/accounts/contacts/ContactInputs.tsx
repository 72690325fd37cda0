import Stack from '@mui/material/Stack';
import {
  ArrayInput,
  AutocompleteArrayInput,
  PasswordInput,
  ReferenceArrayInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  email,
  maxLength,
  regex,
  required,
} from 'react-admin';
import { searchByName } from '../../common';
import { PHONE_TYPES } from '../../types';

const phoneTypeChoices = PHONE_TYPES.map((id) => ({ id, name: id.charAt(0).toUpperCase() + id.slice(1) }));

export const languageChoices = [
  { id: 'en', name: 'English' },
  { id: 'es', name: 'Spanish' },
  { id: 'fr', name: 'French' },
  { id: 'de', name: 'German' },
  { id: 'pt', name: 'Portuguese' },
];

/** Portal credentials on create: both or neither. */
const bothOrNeither = (_value: unknown, values: { portalUsername?: string | null; portalPassword?: string | null }) =>
  Boolean(values.portalUsername?.trim()) !== Boolean(values.portalPassword) ? 'Give both a username and a password, or neither' : undefined;

export const ContactInputs = ({ isCreate = false }: { isCreate?: boolean }) => (
  <>
    <TextInput source="name" label="Name" validate={[required(), maxLength(150)]} />
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
      <TextInput source="role" label="Role" validate={maxLength(60)} />
      <TextInput source="email" label="Email" type="email" validate={[email(), maxLength(254)]} />
      <SelectInput source="language" label="Language" choices={languageChoices} emptyText="(none)" />
    </Stack>
    <ArrayInput source="phones" label="Phone numbers">
      <SimpleFormIterator inline disableReordering>
        <SelectInput source="type" label="Type" choices={phoneTypeChoices} validate={required()} />
        <TextInput source="number" label="Number" helperText="e.g. +1 217 555 0100" validate={[required(), maxLength(40)]} />
        <TextInput source="extension" label="Extension" validate={regex(/^\d*$/, 'Digits only')} />
      </SimpleFormIterator>
    </ArrayInput>
    <ReferenceArrayInput source="messageCategoryIds" reference="message-categories" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
      <AutocompleteArrayInput label="Message categories" optionText="name" filterToQuery={searchByName} />
    </ReferenceArrayInput>
    {isCreate ? (
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextInput source="portalUsername" label="Portal username" autoComplete="off" validate={[maxLength(80), bothOrNeither]} />
        <PasswordInput source="portalPassword" label="Portal password" autoComplete="new-password" validate={bothOrNeither} />
      </Stack>
    ) : null}
  </>
);
