import {
  Datagrid,
  DateField,
  DeleteWithConfirmButton,
  ExportButton,
  type Exporter,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { downloadRows } from '../correspondence/csv';
import type { ElevationTile } from '../elevation/types';
import { Permissions, useHasPermission } from '../permissions';
import { UploadTileButton } from './UploadTileButton';

export const TILE_KIND_LABELS: Record<ElevationTile['kind'], string> = { dem: 'Terrain (DEM)', clutter: 'Clutter' };

const degrees = (value: number, positive: string, negative: string) => `${Math.abs(value).toFixed(4)}° ${value < 0 ? negative : positive}`;
const extent = (t: ElevationTile) =>
  `${degrees(t.southLat, 'N', 'S')} – ${degrees(t.northLat, 'N', 'S')}, ${degrees(t.westLon, 'E', 'W')} – ${degrees(t.eastLon, 'E', 'W')}`;
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

const exporter: Exporter<ElevationTile> = (tiles) =>
  downloadRows(
    'elevation-tiles',
    [
      'id',
      'kind',
      'name',
      'west_lon',
      'east_lon',
      'south_lat',
      'north_lat',
      'width',
      'height',
      'resolution_m',
      'no_data',
      'size_bytes',
      'uploaded_at',
    ],
    tiles.map((t) => [
      t.id,
      t.kind,
      t.name,
      t.westLon,
      t.eastLon,
      t.southLat,
      t.northLat,
      t.width,
      t.height,
      t.resolutionM,
      t.noData,
      t.sizeBytes,
      t.createdAt,
    ]),
  );

const TileActions = () => {
  const canUpload = useHasPermission(Permissions.NetworkConfigure);
  return (
    <TopToolbar>
      {canUpload ? <UploadTileButton /> : null}
      <ExportButton />
    </TopToolbar>
  );
};

/** The terrain and clutter tiles profiles are read from: uploaded GeoTIFFs, with where they lie and how fine their cells are. */
export const ElevationTileList = () => {
  const canDelete = useHasPermission(Permissions.NetworkConfigure);
  return (
    <List
      title="Elevation tiles"
      filters={[
        <SearchInput key="q" source="q" placeholder="File name" alwaysOn />,
        <SelectInput
          key="kind"
          source="kind"
          label="Kind"
          alwaysOn
          choices={Object.entries(TILE_KIND_LABELS).map(([id, name]) => ({ id, name }))}
        />,
      ]}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      actions={<TileActions />}
      exporter={exporter}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" label="File" />
        <FunctionField<ElevationTile> source="kind" label="Kind" render={(t) => TILE_KIND_LABELS[t.kind] ?? t.kind} />
        <FunctionField<ElevationTile> label="Extent" sortable={false} render={extent} />
        <FunctionField<ElevationTile>
          label="Cells"
          sortable={false}
          render={(t) => `${t.width} × ${t.height}, ${Math.round(t.resolutionM)} m`}
        />
        <FunctionField<ElevationTile> label="No data" sortable={false} render={(t) => t.noData ?? '—'} />
        <FunctionField<ElevationTile> label="Size" sortable={false} render={(t) => size(t.sizeBytes)} />
        <FunctionField<ElevationTile> label="Uploaded by" sortable={false} render={(t) => t.uploadedByName ?? 'Demo data'} />
        <DateField source="createdAt" label="Uploaded" showTime />
        {canDelete ? (
          <DeleteWithConfirmButton
            mutationMode="pessimistic"
            confirmTitle="Delete this tile?"
            confirmContent="Profiles over its area are worked out again from the tiles that remain."
          />
        ) : null}
      </Datagrid>
    </List>
  );
};
