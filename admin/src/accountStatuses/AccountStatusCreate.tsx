import { Create, SimpleForm } from 'react-admin';
import { AccountStatusInputs } from './AccountStatusInputs';

export const AccountStatusCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ color: '#607d8b', countsAsActive: false, isDelinquency: false }}>
      <AccountStatusInputs />
    </SimpleForm>
  </Create>
);
