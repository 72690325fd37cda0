import { Edit, SimpleForm } from 'react-admin';
import { toServicePayload } from './servicePayload';
import { ServiceInputs } from './ServiceInputs';

/** Pessimistic, so Delete asks first and a 409 (service in use) shows the server's reason. */
export const ServiceEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toServicePayload}>
    <SimpleForm>
      <ServiceInputs />
    </SimpleForm>
  </Edit>
);
