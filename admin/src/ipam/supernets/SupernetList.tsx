import { FunctionField, NumberField, SelectInput, TextField } from 'react-admin';
import { filteredListPath, SettingsList } from '../../common';
import type { Supernet } from '../../network/types';
import { Permissions } from '../../permissions';
import { FAMILY_CHOICES } from '../planPayload';
import { supernetsExporter } from '../planExporters';

const filters = [<SelectInput key="family" source="family" label="Family" choices={FAMILY_CHOICES} alwaysOn />];

/** The address plan's top: the blocks subnets are carved from. A row opens its subnets. */
export const SupernetList = () => (
  <SettingsList<Supernet>
    title="IP supernets"
    permission={Permissions.NetworkConfigure}
    search="Name or network"
    filters={filters}
    sort={{ field: 'network', order: 'ASC' }}
    exporter={supernetsExporter}
    rowClick={(id) => filteredListPath('ip-subnets', { supernetId: Number(id) })}
    editButton
  >
    <TextField source="name" />
    <TextField source="network" sx={{ fontFamily: 'monospace' }} />
    <FunctionField<Supernet> label="Family" sortable={false} render={(s) => `IPv${s.family}`} />
    <NumberField source="subnetCount" label="Subnets" sortable={false} />
    <TextField source="description" sortable={false} />
  </SettingsList>
);
