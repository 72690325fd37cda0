import { Edit, SimpleForm } from 'react-admin';
import { AccountTypeInputs } from './AccountTypeInputs';

/** Pessimistic, so Delete asks first and a 409 (type still in use) shows the server's reason. */
export const AccountTypeEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <AccountTypeInputs />
    </SimpleForm>
  </Edit>
);
