import { Edit, SimpleForm } from 'react-admin';
import { MessageCategoryInputs } from './MessageCategoryInputs';

/** Pessimistic, so Delete asks first and a 409 shows the server's reason. */
export const MessageCategoryEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <MessageCategoryInputs />
    </SimpleForm>
  </Edit>
);
