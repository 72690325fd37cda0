import { TextInput, maxLength, required } from 'react-admin';

/** The API keeps an empty description as '' (react-admin would send null). */
const keepBlank = (value: string) => value ?? '';

export const AccountGroupInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(80)]} />
    <TextInput source="description" multiline minRows={2} validate={maxLength(255)} parse={keepBlank} />
  </>
);
