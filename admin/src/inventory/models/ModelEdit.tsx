import { Create, Edit, SimpleForm } from 'react-admin';
import { toModelCreate, toModelUpdate } from '../payloads';
import { ModelInputs } from './ModelInputs';

export const ModelCreate = () => (
  <Create redirect="list" transform={toModelCreate}>
    <SimpleForm defaultValues={{ macCount: 1, serialRequired: true, fields: [] }}>
      <ModelInputs isCreate />
    </SimpleForm>
  </Create>
);

/** Pessimistic, so Delete asks first and a 409 (items of the model) shows the server's reason. */
export const ModelEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toModelUpdate}>
    <SimpleForm>
      <ModelInputs />
    </SimpleForm>
  </Edit>
);
