import { Create, Edit, SimpleForm } from 'react-admin';
import { toSupernetCreate, toSupernetUpdate } from '../planPayload';
import { SupernetInputs } from './SupernetInputs';

export const SupernetCreate = () => (
  <Create redirect="list" transform={toSupernetCreate}>
    <SimpleForm>
      <SupernetInputs isCreate />
    </SimpleForm>
  </Create>
);

/** Pessimistic, so Delete asks first and a 409 (subnets still in it) shows the server's reason. */
export const SupernetEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toSupernetUpdate}>
    <SimpleForm>
      <SupernetInputs />
    </SimpleForm>
  </Edit>
);
