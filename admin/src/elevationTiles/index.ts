import TileIcon from '@mui/icons-material/Terrain';
import { ElevationTileList } from './ElevationTileList';

export const elevationTiles = {
  list: ElevationTileList,
  icon: TileIcon,
  options: { label: 'Elevation tiles' },
  recordRepresentation: 'name',
};
