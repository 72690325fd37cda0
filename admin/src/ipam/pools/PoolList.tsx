import { FunctionField, TextField } from 'react-admin';
import { Mono, ReferenceSearchInput, SettingsList } from '../../common';
import type { Pool } from '../../network/types';
import { Permissions } from '../../permissions';
import { planLabel } from '../planLabel';
import { poolsExporter } from '../planExporters';
import { UsageBar } from '../UsageBar';

const filters = [
  <ReferenceSearchInput
    key="supernetId"
    source="supernetId"
    reference="ip-supernets"
    label="Supernet"
    sortField="network"
    minWidth={200}
    alwaysOn
  />,
  <ReferenceSearchInput
    key="subnetId"
    source="subnetId"
    reference="ip-subnets"
    label="Subnet"
    optionText={planLabel}
    sortField="network"
    minWidth={300}
    alwaysOn
  />,
];

/** The pools addresses are handed out from, with how full each is. */
export const PoolList = () => (
  <SettingsList<Pool>
    title="IP pools"
    permission={Permissions.NetworkConfigure}
    search="Name or subnet"
    filters={filters}
    sort={{ field: 'network', order: 'ASC' }}
    exporter={poolsExporter}
    editButton
  >
    <TextField source="name" />
    <FunctionField<Pool>
      source="network"
      label="Range"
      render={(p) => (
        <Mono>
          {p.firstAddress} – {p.lastAddress}
        </Mono>
      )}
    />
    <TextField source="subnetNetwork" label="Subnet" sortable={false} sx={{ fontFamily: 'monospace' }} />
    <FunctionField<Pool> label="Usage" sortable={false} render={(p) => <UsageBar usage={p.usage} />} />
    <TextField source="description" sortable={false} />
  </SettingsList>
);
