import { BooleanField, Datagrid, List, SearchInput, TextField } from 'react-admin';
import { SettingsListActions } from '../common';
import { Permissions, useHasPermission } from '../permissions';
import { StatusChipField } from './StatusChipField';

export const AccountStatusList = () => {
  const canConfigure = useHasPermission(Permissions.AccountsConfigure);
  return (
    <List
      title="Account statuses"
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      sort={{ field: 'name', order: 'ASC' }}
      actions={<SettingsListActions />}
      exporter={false}
    >
      <Datagrid rowClick={canConfigure ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="id" label="ID" />
        <StatusChipField source="name" label="Name" />
        <TextField source="color" label="Colour" sortable={false} />
        <BooleanField source="countsAsActive" label="Counts as active" sortable={false} />
        <BooleanField source="isDelinquency" label="Delinquency" sortable={false} />
      </Datagrid>
    </List>
  );
};
