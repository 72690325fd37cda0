import { AutocompleteInput, Datagrid, DateField, List, NumberInput, ReferenceInput, TextField, TextInput } from 'react-admin';
import { Permissions, useHasPermission } from '../permissions';

/** Who opened which entity (an account, mostly). Read-only. */
export const ViewHistoryList = () => {
  const canReadUsers = useHasPermission(Permissions.UsersRead);

  const filters = [
    <TextInput key="entityType" source="entityType" label="Entity type" alwaysOn />,
    <TextInput key="entityId" source="entityId" label="Entity ID" alwaysOn />,
    canReadUsers ? (
      <ReferenceInput key="userId" source="userId" reference="users" label="User" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
        <AutocompleteInput label="User" />
      </ReferenceInput>
    ) : (
      <NumberInput key="userId" source="userId" label="User ID" min={1} step={1} alwaysOn />
    ),
  ];

  return (
    <List title="View log" filters={filters} sort={{ field: 'viewedAt', order: 'DESC' }} perPage={50} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DateField source="viewedAt" label="Viewed at" showTime />
        <TextField source="userEmail" label="User" sortable={false} />
        <TextField source="entityType" label="Entity type" sortable={false} />
        <TextField source="entityId" label="Entity ID" sortable={false} />
      </Datagrid>
    </List>
  );
};
