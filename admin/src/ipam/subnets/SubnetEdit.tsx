import { Create, Edit, SimpleForm } from 'react-admin';
import { toSubnetCreate, toSubnetUpdate } from '../planPayload';
import { SubnetInputs } from './SubnetInputs';

export const SubnetCreate = () => (
  <Create redirect="list" transform={toSubnetCreate}>
    <SimpleForm>
      <SubnetInputs isCreate />
    </SimpleForm>
  </Create>
);

/** Pessimistic, so Delete asks first and a 409 (pools or assignments in it) shows the server's reason. */
export const SubnetEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toSubnetUpdate}>
    <SimpleForm>
      <SubnetInputs />
    </SimpleForm>
  </Edit>
);
