import { Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import type { Account } from '../types';
import { toAccountFormValues, toAccountPayload } from './accountPayload';
import { AccountInputs } from './AccountInputs';

/** Save only: accounts change status, they are not deleted from here. */
const AccountEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const AccountEditForm = () => {
  const record = useRecordContext<Account>();
  return (
    <SimpleForm record={record ? toAccountFormValues(record) : undefined} toolbar={<AccountEditToolbar />}>
      <AccountInputs />
    </SimpleForm>
  );
};

export const AccountEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toAccountPayload}>
    <AccountEditForm />
  </Edit>
);
