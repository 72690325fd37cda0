import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { FunctionField, SelectInput, TextField } from 'react-admin';
import { filteredListPath, ReferenceSearchInput, SettingsList } from '../../common';
import type { Subnet } from '../../network/types';
import { Permissions } from '../../permissions';
import { FAMILY_CHOICES } from '../planPayload';
import { subnetsExporter } from '../planExporters';
import { UsageBar } from '../UsageBar';

const filters = [
  <ReferenceSearchInput
    key="supernetId"
    source="supernetId"
    reference="ip-supernets"
    label="Supernet"
    sortField="network"
    minWidth={220}
    alwaysOn
  />,
  <SelectInput key="family" source="family" label="Family" choices={FAMILY_CHOICES} alwaysOn />,
];

/** The subnets of the plan, with how full each is. A row opens its pools. */
export const SubnetList = () => (
  <SettingsList<Subnet>
    title="IP subnets"
    permission={Permissions.NetworkConfigure}
    search="Name or network"
    filters={filters}
    sort={{ field: 'network', order: 'ASC' }}
    exporter={subnetsExporter}
    rowClick={(id) => filteredListPath('ip-pools', { subnetId: Number(id) })}
    editButton
  >
    <TextField source="name" />
    <FunctionField<Subnet>
      source="network"
      label="Network"
      render={(s) => (
        <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
          <Box component="span" sx={{ fontFamily: 'monospace' }}>
            {s.network}
          </Box>
          {s.assignedWhole ? <Chip size="small" variant="outlined" label="Assigned whole" sx={{ ml: 1 }} /> : null}
        </Box>
      )}
    />
    <TextField source="supernetName" label="Supernet" sortable={false} />
    <TextField source="gateway" sortable={false} emptyText="—" sx={{ fontFamily: 'monospace' }} />
    <FunctionField<Subnet> label="Usage" sortable={false} render={(s) => <UsageBar usage={s.usage} />} />
  </SettingsList>
);
