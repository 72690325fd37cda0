import Typography from '@mui/material/Typography';
import { BooleanInput, DateInput, NumberInput, SelectInput, TextInput, regex, required, useGetList, type Validator } from 'react-admin';
import type { CustomFieldDefinition } from '../types';

const DECIMAL = /^-?\d+(\.\d+)?$/;

const validatorsFor = (field: CustomFieldDefinition): Validator[] => {
  const validators: Validator[] = field.required ? [required()] : [];
  if (field.type === 'text' && field.pattern) {
    try {
      validators.push(
        regex(
          new RegExp(field.pattern),
          field.example ? `Not in the required format, e.g. ${field.example}` : 'Not in the required format',
        ),
      );
    } catch {
      // A pattern the browser cannot compile: the server still checks it.
    }
  }
  if (field.type === 'decimal') validators.push(regex(DECIMAL, 'A decimal number, e.g. 12.5'));
  return validators;
};

/** One input per definition; the source `customFields.<id>` is also where the API names its errors. */
const CustomFieldValueInput = ({ field }: { field: CustomFieldDefinition }) => {
  const source = `customFields.${field.id}`;
  const validate = validatorsFor(field);
  switch (field.type) {
    case 'boolean':
      return <BooleanInput source={source} label={field.name} validate={validate} />;
    case 'integer':
      return <NumberInput source={source} label={field.name} step={1} validate={validate} />;
    case 'date':
      return <DateInput source={source} label={field.name} validate={validate} />;
    case 'select':
      return (
        <SelectInput
          source={source}
          label={field.name}
          choices={(field.options ?? []).map((option) => ({ id: option, name: option }))}
          emptyText="(none)"
          validate={validate}
        />
      );
    case 'decimal':
      return <TextInput source={source} label={field.name} inputMode="decimal" validate={validate} />;
    default:
      return (
        // Clerks see the definition's example, never the pattern itself; with no example there is no help to give.
        <TextInput source={source} label={field.name} validate={validate} helperText={field.example ? `e.g. ${field.example}` : false} />
      );
  }
};

/** The active custom field definitions, in position order, as form inputs. */
export const CustomFieldValueInputs = () => {
  const { data: fields = [], isPending } = useGetList<CustomFieldDefinition>('custom-fields', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'id', order: 'ASC' },
  });
  const active = fields.filter((field) => field.active).sort((a, b) => a.position - b.position || a.id - b.id);
  if (isPending || active.length === 0) return null;
  return (
    <>
      <Typography variant="subtitle1" component="h2" sx={{ mt: 2 }} gutterBottom>
        Custom fields
      </Typography>
      {active.map((field) => (
        <CustomFieldValueInput key={field.id} field={field} />
      ))}
    </>
  );
};
