import { Create, Edit, maxLength, required, SimpleForm, TextInput } from 'react-admin';
import { toStockLocationPayload } from '../payloads';

const StockLocationInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(100)]} helperText="A warehouse, a van, a technician's shelf" />
    <TextInput source="description" multiline minRows={2} validate={maxLength(200)} />
  </>
);

export const StockLocationCreate = () => (
  <Create redirect="list" transform={toStockLocationPayload}>
    <SimpleForm>
      <StockLocationInputs />
    </SimpleForm>
  </Create>
);

/** Pessimistic, so Delete asks first and a 409 (items still kept there) shows the server's reason. */
export const StockLocationEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toStockLocationPayload}>
    <SimpleForm>
      <StockLocationInputs />
    </SimpleForm>
  </Edit>
);
