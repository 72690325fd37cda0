import { Create, SimpleForm } from 'react-admin';
import { toRolePayload } from './rolePayload';
import { RoleInputs } from './RoleInputs';

export const RoleCreate = () => (
  <Create redirect="list" transform={toRolePayload}>
    <SimpleForm defaultValues={{ description: '', permissions: [] }}>
      <RoleInputs />
    </SimpleForm>
  </Create>
);
