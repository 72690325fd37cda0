import { BooleanField, type Exporter, FunctionField, NumberField, TextField } from 'react-admin';
import { SettingsList } from '../common';
import { downloadRows } from '../correspondence/csv';
import type { NasDevice } from '../network/types';
import { Permissions } from '../permissions';
import { NAS_TYPE_LABELS } from './nasTypes';

const exporter: Exporter<NasDevice> = (devices) =>
  downloadRows(
    'nas-devices',
    ['id', 'name', 'address', 'type', 'coa_port', 'disconnect_to_limit', 'description'],
    devices.map((d) => [d.id, d.name, d.address, d.nasType, d.coaPort, d.disconnectToLimit, d.description]),
  );

/** The routers and access points that ask the RADIUS server who may connect. */
export const NasDeviceList = () => (
  <SettingsList<NasDevice> title="NAS devices" permission={Permissions.NetworkConfigure} search="Name or address" exporter={exporter}>
    <TextField source="name" />
    <TextField source="address" sx={{ fontFamily: 'monospace' }} />
    <FunctionField<NasDevice> label="Type" sortable={false} render={(d) => NAS_TYPE_LABELS[d.nasType] ?? d.nasType} />
    <NumberField source="coaPort" label="CoA port" sortable={false} options={{ useGrouping: false }} />
    <BooleanField source="disconnectToLimit" label="Disconnects to limit" sortable={false} />
    <TextField source="description" sortable={false} />
  </SettingsList>
);
