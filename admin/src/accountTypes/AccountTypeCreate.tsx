import { Create, SimpleForm } from 'react-admin';
import { AccountTypeInputs } from './AccountTypeInputs';

export const AccountTypeCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <AccountTypeInputs />
    </SimpleForm>
  </Create>
);
