import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import {
  AutocompleteInput,
  Datagrid,
  EditButton,
  FunctionField,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
} from 'react-admin';
import { searchByName, SettingsListActions } from '../../common';
import type { Subnet } from '../../network/types';
import { Permissions, useHasPermission } from '../../permissions';
import { FAMILY_CHOICES, filteredListPath } from '../planPayload';
import { subnetsExporter } from '../planExporters';
import { UsageBar } from '../UsageBar';

const filters = [
  <SearchInput key="q" source="q" placeholder="Name or network" alwaysOn />,
  <ReferenceInput key="supernetId" source="supernetId" reference="ip-supernets" sort={{ field: 'network', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="Supernet" optionText="name" filterToQuery={searchByName} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <SelectInput key="family" source="family" label="Family" choices={FAMILY_CHOICES} alwaysOn />,
];

/** The subnets of the plan, with how full each is. A row opens its pools. */
export const SubnetList = () => {
  const canConfigure = useHasPermission(Permissions.NetworkConfigure);
  return (
    <List
      title="IP subnets"
      filters={filters}
      sort={{ field: 'network', order: 'ASC' }}
      perPage={25}
      actions={<SettingsListActions permission={Permissions.NetworkConfigure} exportButton />}
      exporter={subnetsExporter}
    >
      <Datagrid bulkActionButtons={false} rowClick={(id) => filteredListPath('ip-pools', { subnetId: Number(id) })}>
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
        {canConfigure ? <EditButton /> : null}
      </Datagrid>
    </List>
  );
};
