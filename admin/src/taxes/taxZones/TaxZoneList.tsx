import { Datagrid, List, SearchInput, TextField } from 'react-admin';
import { ConfigureListActions } from '../../billing/common/ConfigureListActions';
import { Permissions, useHasPermission } from '../../permissions';

export const TaxZoneList = () => {
  const canConfigure = useHasPermission(Permissions.BillingConfigure);
  return (
    <List
      title="Tax zones"
      filters={[<SearchInput key="q" source="q" alwaysOn />]}
      sort={{ field: 'name', order: 'ASC' }}
      actions={<ConfigureListActions />}
      exporter={false}
    >
      <Datagrid rowClick={canConfigure ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="id" label="ID" />
        <TextField source="name" />
        <TextField source="taxName" label="Tax" sortable={false} />
      </Datagrid>
    </List>
  );
};
