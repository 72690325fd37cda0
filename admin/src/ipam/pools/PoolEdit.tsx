import { Create, Edit, SimpleForm } from 'react-admin';
import { toPoolCreate, toPoolUpdate } from '../planPayload';
import { PoolInputs } from './PoolInputs';

export const PoolCreate = () => (
  <Create redirect="list" transform={toPoolCreate}>
    <SimpleForm>
      <PoolInputs isCreate />
    </SimpleForm>
  </Create>
);

/** Pessimistic, so Delete asks first and a 409 (assignments in its history) shows the server's reason. */
export const PoolEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toPoolUpdate}>
    <SimpleForm>
      <PoolInputs />
    </SimpleForm>
  </Edit>
);
