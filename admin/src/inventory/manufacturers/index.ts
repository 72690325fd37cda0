import ManufacturerIcon from '@mui/icons-material/Factory';
import { ManufacturerCreate, ManufacturerEdit } from './ManufacturerEdit';
import { ManufacturerList } from './ManufacturerList';

export const inventoryManufacturers = {
  list: ManufacturerList,
  create: ManufacturerCreate,
  edit: ManufacturerEdit,
  icon: ManufacturerIcon,
  options: { label: 'Manufacturers' },
  recordRepresentation: 'name',
};
