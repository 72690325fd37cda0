import { BooleanField, Datagrid, List, SearchInput, TextField } from 'react-admin';
import { SettingsListActions } from '../common';
import { Permissions, useHasPermission } from '../permissions';

export const MessageCategoryList = () => {
  const canConfigure = useHasPermission(Permissions.AccountsConfigure);
  return (
    <List
      title="Message categories"
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      sort={{ field: 'name', order: 'ASC' }}
      actions={<SettingsListActions />}
      exporter={false}
    >
      <Datagrid rowClick={canConfigure ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="id" label="ID" />
        <TextField source="name" />
        <BooleanField source="isDefault" label="Default" sortable={false} />
      </Datagrid>
    </List>
  );
};
