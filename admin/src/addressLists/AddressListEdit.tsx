import { useState } from 'react';
import { Create, Edit, SimpleForm, useNotify, useRecordContext, useRedirect } from 'react-admin';
import { AddressListInputs } from './AddressListInputs';
import { AddressListRouterPanel } from './AddressListRouterPanel';
import { toAddressListCreate, toAddressListUpdate } from './addressListPayload';
import { FetchKeyDialog } from './FetchKeyDialog';
import type { AddressList, AddressListCreated } from './types';

const AddressListTitle = () => {
  const list = useRecordContext<AddressList>();
  return <>{list ? `Address list ${list.name}` : 'Address list'}</>;
};

/** Made, the list's fetch key is shown once before the list opens: the API keeps only its hash. */
export const AddressListCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const [created, setCreated] = useState<AddressListCreated | null>(null);
  return (
    <>
      <Create
        title="New address list"
        transform={toAddressListCreate}
        mutationOptions={{
          onSuccess: (list: AddressListCreated) => {
            notify('Address list created', { type: 'success' });
            setCreated(list);
          },
        }}
      >
        <SimpleForm defaultValues={{ accounts: 'delinquent', statusIds: [] }}>
          <AddressListInputs isCreate />
        </SimpleForm>
      </Create>
      {created ? (
        <FetchKeyDialog name={created.name} fetchKey={created.fetchKey} onClose={() => redirect('edit', 'address-lists', created.id)} />
      ) : null}
    </>
  );
};

/** Pessimistic, so Delete asks first; below the form, what routers fetch and the list's key. */
export const AddressListEdit = () => (
  <Edit title={<AddressListTitle />} mutationMode="pessimistic" redirect={false} transform={toAddressListUpdate}>
    <SimpleForm>
      <AddressListInputs />
    </SimpleForm>
    <AddressListRouterPanel />
  </Edit>
);
