import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import {
  Edit,
  maxLength,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useRecordContext,
} from 'react-admin';
import { MergeFieldList } from './MergeFieldList';
import { TemplatePreview } from './TemplatePreview';

/** Templates are not created or deleted here: code asks for them by key. */
const SaveOnly = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const TemplateForm = () => {
  const record = useRecordContext<{ key: string }>();
  return (
    <Grid container spacing={2} sx={{ width: '100%' }}>
      <Grid size={{ xs: 12, md: 7 }}>
        <TextInput source="name" validate={[required(), maxLength(120)]} fullWidth />
        <ReferenceInput source="categoryId" reference="message-categories" sort={{ field: 'name', order: 'ASC' }}>
          <SelectInput
            optionText="name"
            label="Message category"
            helperText="Contacts who tick it receive this message"
            validate={required()}
          />
        </ReferenceInput>
        <TextInput source="subject" validate={[required(), maxLength(255)]} fullWidth />
        <TextInput source="bodyText" label="Message" validate={required()} multiline minRows={12} fullWidth />
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Stack spacing={2}>
          <MergeFieldList />
          {record ? <TemplatePreview templateKey={record.key} /> : null}
        </Stack>
      </Grid>
    </Grid>
  );
};

interface TemplateFormValues {
  name: string;
  categoryId: number;
  subject: string;
  bodyText: string;
}

/** Only what the API lets change; the record also carries the key, the category name and the timestamps. */
const toTemplatePayload = ({ name, categoryId, subject, bodyText }: TemplateFormValues) => ({ name, categoryId, subject, bodyText });

/** Pessimistic, so a 400 about a merge field shows before anything looks saved. */
export const MessageTemplateEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={toTemplatePayload}>
    <SimpleForm toolbar={<SaveOnly />}>
      <TemplateForm />
    </SimpleForm>
  </Edit>
);
