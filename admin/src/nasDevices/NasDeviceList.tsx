import { BooleanField, Datagrid, type Exporter, FunctionField, List, NumberField, SearchInput, TextField } from 'react-admin';
import { SettingsListActions } from '../common';
import { downloadRows } from '../correspondence/csv';
import type { NasDevice } from '../network/types';
import { Permissions, useHasPermission } from '../permissions';
import { NAS_TYPE_LABELS } from './nasTypes';

const exporter: Exporter<NasDevice> = (devices) =>
  downloadRows(
    'nas-devices',
    ['id', 'name', 'address', 'type', 'coa_port', 'disconnect_to_limit', 'description'],
    devices.map((d) => [d.id, d.name, d.address, d.nasType, d.coaPort, d.disconnectToLimit, d.description]),
  );

/** The routers and access points that ask the RADIUS server who may connect. */
export const NasDeviceList = () => {
  const canConfigure = useHasPermission(Permissions.NetworkConfigure);
  return (
    <List
      title="NAS devices"
      filters={[<SearchInput key="q" source="q" placeholder="Name or address" alwaysOn />]}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      actions={<SettingsListActions permission={Permissions.NetworkConfigure} exportButton />}
      exporter={exporter}
    >
      <Datagrid bulkActionButtons={false} rowClick={canConfigure ? 'edit' : false}>
        <TextField source="name" />
        <TextField source="address" sx={{ fontFamily: 'monospace' }} />
        <FunctionField<NasDevice> label="Type" sortable={false} render={(d) => NAS_TYPE_LABELS[d.nasType] ?? d.nasType} />
        <NumberField source="coaPort" label="CoA port" sortable={false} options={{ useGrouping: false }} />
        <BooleanField source="disconnectToLimit" label="Disconnects to limit" sortable={false} />
        <TextField source="description" sortable={false} />
      </Datagrid>
    </List>
  );
};
