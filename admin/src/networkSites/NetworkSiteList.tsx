import { type Exporter, FunctionField, TextField } from 'react-admin';
import { SettingsList } from '../common';
import { downloadRows } from '../correspondence/csv';
import type { NetworkSite } from '../elevation/types';
import { formatFrequency, formatMetres } from '../elevation/units';
import { Permissions } from '../permissions';

const exporter: Exporter<NetworkSite> = (sites) =>
  downloadRows(
    'network-sites',
    ['id', 'name', 'latitude', 'longitude', 'ground_elevation_m', 'antenna_heights_m', 'frequencies_mhz', 'description'],
    sites.map((s) => [
      s.id,
      s.name,
      s.latitude,
      s.longitude,
      s.groundElevationM,
      s.antennaHeightsM.join(' '),
      s.frequenciesMhz.join(' '),
      s.description,
    ]),
  );

/** The towers, masts and rooftops the network transmits from; the Elevation Profile tab draws paths to them. */
export const NetworkSiteList = () => (
  <SettingsList<NetworkSite>
    title="Network sites"
    permission={Permissions.NetworkConfigure}
    search="Name or description"
    exporter={exporter}
  >
    <TextField source="name" />
    <FunctionField<NetworkSite>
      label="Coordinates"
      sortBy="latitude"
      render={(s) => `${s.latitude.toFixed(6)}, ${s.longitude.toFixed(6)}`}
      sx={{ fontFamily: 'monospace' }}
    />
    <FunctionField<NetworkSite>
      label="Ground"
      sortable={false}
      render={(s) => (s.groundElevationM === null ? 'From terrain' : formatMetres(s.groundElevationM))}
    />
    <FunctionField<NetworkSite> label="Antennas" sortable={false} render={(s) => s.antennaHeightsM.map((h) => `${h} m`).join(', ')} />
    <FunctionField<NetworkSite> label="Bands" sortable={false} render={(s) => s.frequenciesMhz.map(formatFrequency).join(', ')} />
    <TextField source="description" sortable={false} />
  </SettingsList>
);
