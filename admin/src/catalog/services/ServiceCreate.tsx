import { Create, SimpleForm } from 'react-admin';
import { toServicePayload } from './servicePayload';
import { ServiceInputs } from './ServiceInputs';

export const ServiceCreate = () => (
  <Create redirect="list" transform={toServicePayload}>
    <SimpleForm defaultValues={{ kind: 'recurring', active: true, taxIds: [] }}>
      <ServiceInputs />
    </SimpleForm>
  </Create>
);
