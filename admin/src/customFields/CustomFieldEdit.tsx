import { Edit, SimpleForm, useRecordContext } from 'react-admin';
import type { CustomFieldDefinition } from '../types';
import { fromCustomFieldRecord, toCustomFieldPayload } from './customFieldPayload';
import { CustomFieldInputs } from './CustomFieldInputs';

const CustomFieldForm = () => {
  const record = useRecordContext<CustomFieldDefinition>();
  return (
    <SimpleForm record={record ? fromCustomFieldRecord(record) : undefined}>
      <CustomFieldInputs />
    </SimpleForm>
  );
};

/** Pessimistic, so Delete asks first. */
export const CustomFieldEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toCustomFieldPayload}>
    <CustomFieldForm />
  </Edit>
);
