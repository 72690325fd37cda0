import { Edit, SimpleForm } from 'react-admin';
import { AccountStatusInputs } from './AccountStatusInputs';

/** Pessimistic, so Delete asks first and a 409 (status still in use) shows the server's reason. */
export const AccountStatusEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <AccountStatusInputs />
    </SimpleForm>
  </Edit>
);
