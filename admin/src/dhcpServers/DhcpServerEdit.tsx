import { Create, Edit, SimpleForm } from 'react-admin';
import { DhcpServerInputs } from './DhcpServerInputs';
import { toDhcpServerCreate, toDhcpServerUpdate } from './dhcpPayload';

export const DhcpServerCreate = () => (
  <Create redirect="list" transform={toDhcpServerCreate}>
    <SimpleForm defaultValues={{ relayAddresses: [], subnetIds: [] }}>
      <DhcpServerInputs isCreate />
    </SimpleForm>
  </Create>
);

/** Pessimistic, so Delete asks first and a 409 (it still serves subnets) shows the server's reason. */
export const DhcpServerEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toDhcpServerUpdate}>
    <SimpleForm>
      <DhcpServerInputs />
    </SimpleForm>
  </Edit>
);
