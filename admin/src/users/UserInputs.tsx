import {
  AutocompleteArrayInput,
  BooleanInput,
  PasswordInput,
  ReferenceArrayInput,
  TextInput,
  email,
  maxLength,
  minLength,
  required,
} from 'react-admin';
import { Permissions, useHasPermission } from '../permissions';
import { searchRoles } from '../roles/searchRoles';

export const PASSWORD_MIN_LENGTH = 12;

/** The fields shared by the create and edit forms. */
export const UserInputs = ({ isCreate = false }: { isCreate?: boolean }) => {
  const canReadRoles = useHasPermission(Permissions.RolesRead);
  return (
    <>
      <TextInput source="email" type="email" autoComplete="off" validate={[required(), email(), maxLength(254)]} />
      <TextInput source="name" validate={[required(), maxLength(120)]} />
      <PasswordInput
        source="password"
        autoComplete="new-password"
        validate={isCreate ? [required(), minLength(PASSWORD_MIN_LENGTH)] : minLength(PASSWORD_MIN_LENGTH)}
        helperText={
          isCreate
            ? `At least ${PASSWORD_MIN_LENGTH} characters`
            : `Leave blank to keep the current password. At least ${PASSWORD_MIN_LENGTH} characters.`
        }
      />
      <BooleanInput source="active" helperText="Inactive users cannot log in" />
      {canReadRoles ? (
        <ReferenceArrayInput source="roleIds" reference="roles" perPage={100} sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteArrayInput label="Roles" optionText="name" filterToQuery={searchRoles} />
        </ReferenceArrayInput>
      ) : null}
    </>
  );
};
