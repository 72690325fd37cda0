import { SettingsCreate, SettingsEdit } from '../common';
import { DhcpServerInputs } from './DhcpServerInputs';
import { toDhcpServerCreate, toDhcpServerUpdate } from './dhcpPayload';

export const DhcpServerCreate = () => (
  <SettingsCreate transform={toDhcpServerCreate} defaultValues={{ relayAddresses: [], subnetIds: [] }}>
    <DhcpServerInputs isCreate />
  </SettingsCreate>
);

/** Delete is refused while it still serves subnets. */
export const DhcpServerEdit = () => (
  <SettingsEdit transform={toDhcpServerUpdate}>
    <DhcpServerInputs />
  </SettingsEdit>
);
