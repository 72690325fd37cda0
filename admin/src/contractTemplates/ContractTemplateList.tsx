import {
  BooleanField,
  CreateButton,
  Datagrid,
  DateField,
  ExportButton,
  List,
  NumberField,
  TextField,
  TextInput,
  TopToolbar,
  BooleanInput,
} from 'react-admin';

const filters = [
  <TextInput key="q" source="q" label="Name" alwaysOn />,
  <BooleanInput key="enabled" source="enabled" label="Enabled only" />,
];

export const ContractTemplateList = () => (
  <List
    title="Contract templates"
    sort={{ field: 'name', order: 'ASC' }}
    filters={filters}
    actions={
      <TopToolbar>
        <CreateButton />
        <ExportButton />
      </TopToolbar>
    }
  >
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="name" />
      <NumberField source="termMonths" label="Term (months)" sortable={false} emptyText="No expiry" />
      <BooleanField source="enabled" sortable={false} />
      <NumberField source="contractCount" label="Contracts" sortable={false} />
      <DateField source="updatedAt" label="Updated" showTime />
    </Datagrid>
  </List>
);
