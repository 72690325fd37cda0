import type { ReactNode } from 'react';
import { Create, Edit, SimpleForm } from 'react-admin';

interface SettingsFormProps {
  /** The form's values as the API takes them: only what that form may send. */
  transform: (data: Record<string, unknown>) => object;
  children: ReactNode;
}

/** A new record of a settings list; saved, back to the list. */
export const SettingsCreate = ({ transform, defaultValues, children }: SettingsFormProps & { defaultValues?: Record<string, unknown> }) => (
  <Create redirect="list" transform={transform}>
    <SimpleForm defaultValues={defaultValues}>{children}</SimpleForm>
  </Create>
);

/**
 * A record of a settings list. Pessimistic, so Delete asks first and the server's refusal (a 409
 * while something still depends on the record) shows before anything looks saved.
 */
export const SettingsEdit = ({ transform, children }: SettingsFormProps) => (
  <Edit mutationMode="pessimistic" redirect="list" transform={transform}>
    <SimpleForm>{children}</SimpleForm>
  </Edit>
);
