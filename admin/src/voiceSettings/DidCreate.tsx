import { Create, maxLength, regex, required, SimpleForm, TextInput } from 'react-admin';
import { optionalText, text } from '../common/formText';

/** The API's own test of a number as typed: digits with the usual separators, a + before them at most. */
const PHONE_TEXT = /^\+?[\d\s().\-/]{4,32}$/;

const toDidPayload = (data: Record<string, unknown>) => ({ number: text(data.number), note: optionalText(data.note) });

/** "Add number": one number, added as available; written any usual way, it is kept as E.164 digits. */
export const DidCreate = () => (
  <Create title="Add a phone number" redirect="list" transform={toDidPayload}>
    <SimpleForm>
      <TextInput
        source="number"
        label="Phone number"
        validate={[required(), regex(PHONE_TEXT, 'A phone number, such as +1 217 555 0100 or 217 555 0100')]}
        helperText="Without a country code, the instance's is put before it"
      />
      <TextInput source="note" validate={maxLength(255)} sx={{ minWidth: 420 }} />
    </SimpleForm>
  </Create>
);
