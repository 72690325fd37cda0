import { Create, DeleteWithConfirmButton, Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import type { ContractTemplate } from '../types';
import { ContractTemplateForm } from './ContractTemplateForm';

interface TemplateFormValues {
  name: string;
  bodyHtml: string;
  termMonths?: number | null;
  enabled?: boolean;
  messageCategoryId?: number | null;
}

/** Only what the API takes; the record also carries the id, the count of contracts and the timestamps. */
const toPayload = ({ name, bodyHtml, termMonths, enabled, messageCategoryId }: TemplateFormValues) => ({
  name,
  bodyHtml,
  termMonths: termMonths ?? null,
  enabled: enabled ?? true,
  messageCategoryId: messageCategoryId ?? null,
});

/** A used template is kept for its contracts: it can be disabled, and the API refuses its deletion. */
const EditToolbar = () => {
  const record = useRecordContext<ContractTemplate>();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {record && record.contractCount === 0 ? (
        <DeleteWithConfirmButton confirmTitle={`Delete template '${record.name}'?`} confirmContent="No contract was written from it." />
      ) : null}
    </Toolbar>
  );
};

/** Pessimistic, so a 400 about a merge field shows before anything looks saved. */
export const ContractTemplateEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toPayload}>
    <SimpleForm toolbar={<EditToolbar />}>
      <ContractTemplateForm />
    </SimpleForm>
  </Edit>
);

export const ContractTemplateCreate = () => (
  <Create redirect="edit" transform={toPayload}>
    <SimpleForm>
      <ContractTemplateForm />
    </SimpleForm>
  </Create>
);
