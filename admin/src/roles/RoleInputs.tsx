import { TextInput, maxLength, required } from 'react-admin';
import { PermissionsInput } from './PermissionsInput';

export const RoleInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(80)]} />
    <TextInput source="description" multiline validate={maxLength(255)} />
    <PermissionsInput />
  </>
);
