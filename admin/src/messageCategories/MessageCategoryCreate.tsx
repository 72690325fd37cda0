import { Create, SimpleForm } from 'react-admin';
import { MessageCategoryInputs } from './MessageCategoryInputs';

export const MessageCategoryCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ isDefault: false }}>
      <MessageCategoryInputs />
    </SimpleForm>
  </Create>
);
