import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ChipField, Datagrid, FunctionField, List, ReferenceArrayField, SearchInput, SingleFieldList, TextField } from 'react-admin';
import { SettingsListActions } from '../common';
import type { DhcpServer } from '../network/types';
import { Permissions, useHasPermission } from '../permissions';

const None = () => (
  <Typography variant="body2" color="text.secondary" component="span">
    None
  </Typography>
);

const filters = [<SearchInput key="q" source="q" placeholder="Name, socket or relay" alwaysOn />];

/** The Kea DHCPv4 servers that get the reservations of the MAC addresses, and the subnets each serves. */
export const DhcpServerList = () => {
  const canConfigure = useHasPermission(Permissions.NetworkConfigure);
  return (
    <List
      title="DHCP servers"
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      actions={<SettingsListActions permission={Permissions.NetworkConfigure} />}
      exporter={false}
    >
      <Datagrid bulkActionButtons={false} rowClick={canConfigure ? 'edit' : false}>
        <TextField source="name" />
        <FunctionField<DhcpServer>
          label="Host database"
          sortable={false}
          render={(server) => (
            <Box component="span" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
              {server.hostsDatabase}
            </Box>
          )}
        />
        <FunctionField<DhcpServer>
          label="Control socket"
          sortable={false}
          render={(server) =>
            server.controlSocket ? (
              <Box component="span" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
                {server.controlSocket}
              </Box>
            ) : (
              <None />
            )
          }
        />
        <FunctionField<DhcpServer>
          label="Relay addresses"
          sortable={false}
          render={(server) =>
            server.relayAddresses.length > 0 ? (
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                {server.relayAddresses.map((address) => (
                  <Chip key={address} size="small" label={address} />
                ))}
              </Stack>
            ) : (
              <None />
            )
          }
        />
        <ReferenceArrayField source="subnetIds" reference="ip-subnets" label="Subnets" sortable={false} empty={<None />}>
          <SingleFieldList linkType={false}>
            <ChipField source="network" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
      </Datagrid>
    </List>
  );
};
