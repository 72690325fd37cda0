import { Create, Edit, SimpleForm } from 'react-admin';
import { NasDeviceInputs } from './NasDeviceInputs';
import { toNasDevicePayload } from './nasTypes';

export const NasDeviceCreate = () => (
  <Create redirect="list" transform={toNasDevicePayload}>
    <SimpleForm defaultValues={{ nasType: 'other', coaPort: 3799, disconnectToLimit: false }}>
      <NasDeviceInputs isCreate />
    </SimpleForm>
  </Create>
);

/** Pessimistic, so Delete asks first and the server's refusal shows before anything looks saved. */
export const NasDeviceEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toNasDevicePayload}>
    <SimpleForm>
      <NasDeviceInputs />
    </SimpleForm>
  </Edit>
);
