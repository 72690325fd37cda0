import StockLocationIcon from '@mui/icons-material/Warehouse';
import { StockLocationCreate, StockLocationEdit } from './StockLocationEdit';
import { StockLocationList } from './StockLocationList';

export const stockLocations = {
  list: StockLocationList,
  create: StockLocationCreate,
  edit: StockLocationEdit,
  icon: StockLocationIcon,
  options: { label: 'Stock locations' },
  recordRepresentation: 'name',
};
