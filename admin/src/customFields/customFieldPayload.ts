import type { CustomFieldDefinition } from '../types';

type CustomFieldForm = Partial<Omit<CustomFieldDefinition, 'options'>> & { options?: (string | { value?: string })[] | null };

/**
 * Only the editable fields; `options` only for select and `pattern` only for
 * text, as the API accepts them, so switching type in the form drops the other.
 */
export const toCustomFieldPayload = (data: CustomFieldForm) => {
  const { name = '', type = 'text', required = false, unique = false, position = 0, active = true } = data;
  const options = (data.options ?? [])
    .map((option) => (typeof option === 'string' ? option : (option?.value ?? '')).trim())
    .filter((option) => option !== '');
  return {
    name,
    type,
    required,
    unique,
    position,
    active,
    pattern: type === 'text' && data.pattern ? data.pattern : null,
    example: type === 'text' && data.pattern && data.example ? data.example : null,
    options: type === 'select' ? options : null,
  };
};

/** The API's string array as the form's array input rows. */
export const fromCustomFieldRecord = (record: CustomFieldDefinition) => ({
  ...record,
  options: (record.options ?? []).map((value) => ({ value })),
});
