import Box from '@mui/material/Box';
import { AutocompleteInput, Datagrid, EditButton, FunctionField, List, ReferenceInput, SearchInput, TextField } from 'react-admin';
import { searchByName, SettingsListActions } from '../../common';
import type { Pool } from '../../network/types';
import { Permissions, useHasPermission } from '../../permissions';
import { poolsExporter } from '../planExporters';
import { UsageBar } from '../UsageBar';

const filters = [
  <SearchInput key="q" source="q" placeholder="Name or subnet" alwaysOn />,
  <ReferenceInput key="supernetId" source="supernetId" reference="ip-supernets" sort={{ field: 'network', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="Supernet" optionText="name" filterToQuery={searchByName} sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <ReferenceInput key="subnetId" source="subnetId" reference="ip-subnets" sort={{ field: 'network', order: 'ASC' }} alwaysOn>
    <AutocompleteInput
      label="Subnet"
      optionText={(s: { name: string; network: string }) => `${s.name} (${s.network})`}
      filterToQuery={searchByName}
      sx={{ minWidth: 300 }}
    />
  </ReferenceInput>,
];

/** The pools addresses are handed out from, with how full each is. */
export const PoolList = () => {
  const canConfigure = useHasPermission(Permissions.NetworkConfigure);
  return (
    <List
      title="IP pools"
      filters={filters}
      sort={{ field: 'network', order: 'ASC' }}
      perPage={25}
      actions={<SettingsListActions permission={Permissions.NetworkConfigure} exportButton />}
      exporter={poolsExporter}
    >
      <Datagrid bulkActionButtons={false} rowClick={canConfigure ? 'edit' : false}>
        <TextField source="name" />
        <FunctionField<Pool>
          source="network"
          label="Range"
          render={(p) => (
            <Box component="span" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
              {p.firstAddress} – {p.lastAddress}
            </Box>
          )}
        />
        <TextField source="subnetNetwork" label="Subnet" sortable={false} sx={{ fontFamily: 'monospace' }} />
        <FunctionField<Pool> label="Usage" sortable={false} render={(p) => <UsageBar usage={p.usage} />} />
        <TextField source="description" sortable={false} />
        {canConfigure ? <EditButton /> : null}
      </Datagrid>
    </List>
  );
};
