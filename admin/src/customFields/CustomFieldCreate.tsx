import { Create, SimpleForm } from 'react-admin';
import { toCustomFieldPayload } from './customFieldPayload';
import { CustomFieldInputs } from './CustomFieldInputs';

export const CustomFieldCreate = () => (
  <Create redirect="list" transform={toCustomFieldPayload}>
    <SimpleForm defaultValues={{ type: 'text', required: false, unique: false, position: 0, active: true, options: [] }}>
      <CustomFieldInputs />
    </SimpleForm>
  </Create>
);
