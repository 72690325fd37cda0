import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { ChipField, FunctionField, ReferenceArrayField, SingleFieldList, TextField } from 'react-admin';
import { Mono, NoneText, SettingsList } from '../common';
import type { DhcpServer } from '../network/types';
import { Permissions } from '../permissions';

/** The Kea DHCPv4 servers that get the reservations of the MAC addresses, and the subnets each serves. */
export const DhcpServerList = () => (
  <SettingsList<DhcpServer> title="DHCP servers" permission={Permissions.NetworkConfigure} search="Name, socket or relay">
    <TextField source="name" />
    <FunctionField<DhcpServer>
      label="Host database"
      sortable={false}
      render={(server) => <Mono wrap="anywhere">{server.hostsDatabase}</Mono>}
    />
    <FunctionField<DhcpServer>
      label="Control socket"
      sortable={false}
      render={(server) => (server.controlSocket ? <Mono wrap="anywhere">{server.controlSocket}</Mono> : <NoneText />)}
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
          <NoneText />
        )
      }
    />
    <ReferenceArrayField source="subnetIds" reference="ip-subnets" label="Subnets" sortable={false} empty={<NoneText />}>
      <SingleFieldList linkType={false}>
        <ChipField source="network" size="small" />
      </SingleFieldList>
    </ReferenceArrayField>
  </SettingsList>
);
