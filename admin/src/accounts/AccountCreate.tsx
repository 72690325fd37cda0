import { Create, SimpleForm } from 'react-admin';
import { toAccountPayload } from './accountPayload';
import { AccountInputs } from './AccountInputs';

export const AccountCreate = () => (
  <Create redirect="show" transform={toAccountPayload}>
    <SimpleForm
      defaultValues={{ groupIds: [], parentAccountId: null, hasMailingAddress: false, customFields: {}, serviceAddress: { country: 'US' } }}
    >
      <AccountInputs />
    </SimpleForm>
  </Create>
);
