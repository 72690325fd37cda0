import { Datagrid, List, SearchInput, TextField } from 'react-admin';
import { SettingsListActions } from '../common';
import { Permissions, useHasPermission } from '../permissions';

export const AccountGroupList = () => {
  const canConfigure = useHasPermission(Permissions.AccountsConfigure);
  return (
    <List
      title="Account groups"
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      sort={{ field: 'name', order: 'ASC' }}
      actions={<SettingsListActions />}
      exporter={false}
    >
      <Datagrid rowClick={canConfigure ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="id" label="ID" />
        <TextField source="name" />
        <TextField source="description" sortable={false} />
      </Datagrid>
    </List>
  );
};
