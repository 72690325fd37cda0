import { Datagrid, EditButton, List, NumberField, SearchInput, TextField } from 'react-admin';
import { SettingsListActions } from '../../common';
import { filteredListPath } from '../../ipam/planPayload';
import { Permissions, useHasPermission } from '../../permissions';

/** Who makes the equipment; a row opens its models. */
export const ManufacturerList = () => {
  const canConfigure = useHasPermission(Permissions.NetworkConfigure);
  return (
    <List
      title="Inventory manufacturers"
      filters={[<SearchInput key="q" source="q" placeholder="Name" alwaysOn />]}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      actions={<SettingsListActions permission={Permissions.NetworkConfigure} />}
      exporter={false}
    >
      <Datagrid bulkActionButtons={false} rowClick={(id) => filteredListPath('inventory-models', { manufacturerId: Number(id) })}>
        <TextField source="name" />
        <NumberField source="modelCount" label="Models" sortable={false} />
        {canConfigure ? <EditButton /> : null}
      </Datagrid>
    </List>
  );
};
