import {
  ArrayInput,
  BooleanInput,
  FormDataConsumer,
  NumberInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { CUSTOM_FIELD_TYPES, type CustomFieldType } from '../types';

export const customFieldTypeChoices = CUSTOM_FIELD_TYPES.map((id) => ({ id, name: id.charAt(0).toUpperCase() + id.slice(1) }));

const validatePattern = (value: string | null | undefined) => {
  if (!value) return undefined;
  try {
    new RegExp(value);
    return undefined;
  } catch {
    return 'Not a valid regular expression';
  }
};

/** Checked in the browser as the server will check it: the whole example must match. */
const exampleMatches = (value: string | null | undefined, values: { pattern?: string | null }) => {
  if (!value || !values.pattern) return undefined;
  try {
    return new RegExp(`^(?:${values.pattern})$`).test(value) ? undefined : 'The example does not match the pattern';
  } catch {
    return undefined;
  }
};

/** Options for select fields, a pattern for text fields; nothing else depends on the type. */
const TypeSpecificInputs = ({ type }: { type: CustomFieldType | undefined }) => {
  if (type === 'select') {
    return (
      <ArrayInput source="options" label="Options" validate={required('A select field needs at least one option')}>
        <SimpleFormIterator inline disableReordering={false}>
          <TextInput source="value" label="Option" validate={[required(), maxLength(120)]} />
        </SimpleFormIterator>
      </ArrayInput>
    );
  }
  if (type === 'text') {
    return (
      <>
        <TextInput
          source="pattern"
          label="Pattern"
          helperText="Optional regular expression the value must match, e.g. ^FIBER-\d{4}$"
          validate={validatePattern}
        />
        <FormDataConsumer<{ pattern?: string | null }>>
          {({ formData }) =>
            formData.pattern ? (
              <TextInput
                source="example"
                label="Example value"
                helperText="Shown to clerks as help on the account form, e.g. FIBER-0042; must match the pattern"
                validate={[maxLength(255), exampleMatches]}
              />
            ) : null
          }
        </FormDataConsumer>
      </>
    );
  }
  return null;
};

export const CustomFieldInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(80)]} />
    <SelectInput source="type" choices={customFieldTypeChoices} validate={required()} />
    <FormDataConsumer<{ type?: CustomFieldType }>>{({ formData }) => <TypeSpecificInputs type={formData.type} />}</FormDataConsumer>
    <BooleanInput source="required" helperText="Every account must have a value" />
    <BooleanInput source="unique" helperText="No two accounts may share a value" />
    <NumberInput source="position" step={1} helperText="Lower comes first" />
    <BooleanInput source="active" helperText="Inactive fields are hidden from accounts" />
  </>
);
