import { Create, SimpleForm } from 'react-admin';
import { toUserPayload } from './userPayload';
import { UserInputs } from './UserInputs';

export const UserCreate = () => (
  <Create redirect="list" transform={toUserPayload}>
    <SimpleForm defaultValues={{ active: true, roleIds: [] }}>
      <UserInputs isCreate />
    </SimpleForm>
  </Create>
);
