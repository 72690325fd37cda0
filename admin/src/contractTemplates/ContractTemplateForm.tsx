import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import {
  BooleanInput,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  maxLength,
  useRecordContext,
} from 'react-admin';
import { RichTextInput } from 'ra-input-rich-text';
import type { ContractTemplate } from '../types';
import { ContractMergeFieldList } from './ContractMergeFieldList';
import { ContractTemplatePreview } from './ContractTemplatePreview';

/** The template's fields beside the merge-field list and, once saved, the preview against an account. */
export const ContractTemplateForm = () => {
  const record = useRecordContext<ContractTemplate>();
  return (
    <Grid container spacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, md: 7 }}>
        <TextInput source="name" validate={[required(), maxLength(150)]} fullWidth />
        <Stack direction="row" spacing={2}>
          <NumberInput
            source="termMonths"
            label="Term (months)"
            helperText="Sets the expiry from the signing date; empty for no expiry"
            validate={[minValue(1), maxValue(600)]}
          />
          <ReferenceInput source="messageCategoryId" reference="message-categories" sort={{ field: 'name', order: 'ASC' }}>
            <SelectInput optionText="name" label="Message category" helperText="Of the signing emails" emptyText="None" />
          </ReferenceInput>
        </Stack>
        <BooleanInput source="enabled" helperText="Only enabled templates are offered for new contracts" defaultValue />
        <RichTextInput source="bodyHtml" label="Document" validate={required()} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Stack spacing={2}>
          <ContractMergeFieldList />
          {record?.id ? <ContractTemplatePreview templateId={Number(record.id)} /> : null}
        </Stack>
      </Grid>
    </Grid>
  );
};
