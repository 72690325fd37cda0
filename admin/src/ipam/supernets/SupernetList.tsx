import { Datagrid, EditButton, FunctionField, List, NumberField, SearchInput, SelectInput, TextField } from 'react-admin';
import { SettingsListActions } from '../../common';
import type { Supernet } from '../../network/types';
import { Permissions, useHasPermission } from '../../permissions';
import { FAMILY_CHOICES, filteredListPath } from '../planPayload';
import { supernetsExporter } from '../planExporters';

const filters = [
  <SearchInput key="q" source="q" placeholder="Name or network" alwaysOn />,
  <SelectInput key="family" source="family" label="Family" choices={FAMILY_CHOICES} alwaysOn />,
];

/** The address plan's top: the blocks subnets are carved from. A row opens its subnets. */
export const SupernetList = () => {
  const canConfigure = useHasPermission(Permissions.NetworkConfigure);
  return (
    <List
      title="IP supernets"
      filters={filters}
      sort={{ field: 'network', order: 'ASC' }}
      perPage={25}
      actions={<SettingsListActions permission={Permissions.NetworkConfigure} exportButton />}
      exporter={supernetsExporter}
    >
      <Datagrid bulkActionButtons={false} rowClick={(id) => filteredListPath('ip-subnets', { supernetId: Number(id) })}>
        <TextField source="name" />
        <TextField source="network" sx={{ fontFamily: 'monospace' }} />
        <FunctionField<Supernet> label="Family" sortable={false} render={(s) => `IPv${s.family}`} />
        <NumberField source="subnetCount" label="Subnets" sortable={false} />
        <TextField source="description" sortable={false} />
        {canConfigure ? <EditButton /> : null}
      </Datagrid>
    </List>
  );
};
