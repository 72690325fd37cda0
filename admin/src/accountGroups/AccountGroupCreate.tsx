import { Create, SimpleForm } from 'react-admin';
import { AccountGroupInputs } from './AccountGroupInputs';

export const AccountGroupCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <AccountGroupInputs />
    </SimpleForm>
  </Create>
);
