import { BooleanInput, TextInput, maxLength, required } from 'react-admin';

export const MessageCategoryInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(80)]} />
    <BooleanInput source="isDefault" label="Default" helperText="Added to new contacts unless the form says otherwise" />
  </>
);
