import { Create, Edit, maxLength, required, SimpleForm, TextInput } from 'react-admin';
import { optionalText, text } from '../common/formText';

/** What both forms send: the name and the description; the deck is imported on the plan's page. */
const toRatePlanPayload = (data: Record<string, unknown>) => ({ name: text(data.name), description: optionalText(data.description) });

const RatePlanInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(80)]} helperText="Offered on voice services of the catalog" />
    <TextInput
      source="description"
      validate={maxLength(255)}
      multiline
      minRows={2}
      sx={{ minWidth: 420 }}
      helperText="The carrier and date of its deck, say"
    />
  </>
);

/** A new plan starts with an empty deck; saved, its page offers the import. */
export const RatePlanCreate = () => (
  <Create redirect="show" transform={toRatePlanPayload}>
    <SimpleForm>
      <RatePlanInputs />
    </SimpleForm>
  </Create>
);

/**
 * Pessimistic, so Delete asks first and the server's refusal (a plan still pricing a catalog voice
 * service) shows before anything looks deleted.
 */
export const RatePlanEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toRatePlanPayload}>
    <SimpleForm>
      <RatePlanInputs />
    </SimpleForm>
  </Edit>
);
