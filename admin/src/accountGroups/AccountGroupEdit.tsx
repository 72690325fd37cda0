import { Edit, SimpleForm } from 'react-admin';
import { AccountGroupInputs } from './AccountGroupInputs';

/** Pessimistic, so Delete asks first and a 409 (group still has accounts) shows the server's reason. */
export const AccountGroupEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <AccountGroupInputs />
    </SimpleForm>
  </Edit>
);
