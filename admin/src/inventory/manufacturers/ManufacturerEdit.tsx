import { Create, Edit, maxLength, required, SimpleForm, TextInput } from 'react-admin';
import { toManufacturerPayload } from '../payloads';

const ManufacturerInputs = () => <TextInput source="name" validate={[required(), maxLength(100)]} />;

export const ManufacturerCreate = () => (
  <Create redirect="list" transform={toManufacturerPayload}>
    <SimpleForm>
      <ManufacturerInputs />
    </SimpleForm>
  </Create>
);

/** Pessimistic, so Delete asks first and a 409 (models still under it) shows the server's reason. */
export const ManufacturerEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toManufacturerPayload}>
    <SimpleForm>
      <ManufacturerInputs />
    </SimpleForm>
  </Edit>
);
