import { BooleanField, Datagrid, List, NumberField, SearchInput, TextField } from 'react-admin';
import { SettingsListActions } from '../common';
import { Permissions, useHasPermission } from '../permissions';

export const CustomFieldList = () => {
  const canConfigure = useHasPermission(Permissions.AccountsConfigure);
  return (
    <List
      title="Custom fields"
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      sort={{ field: 'name', order: 'ASC' }}
      actions={<SettingsListActions />}
      exporter={false}
    >
      <Datagrid rowClick={canConfigure ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="id" label="ID" />
        <TextField source="name" />
        <TextField source="type" sortable={false} />
        <BooleanField source="required" sortable={false} />
        <BooleanField source="unique" sortable={false} />
        <NumberField source="position" sortable={false} />
        <BooleanField source="active" sortable={false} />
      </Datagrid>
    </List>
  );
};
