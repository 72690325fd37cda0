import SupernetIcon from '@mui/icons-material/Hub';
import { SupernetCreate, SupernetEdit } from './SupernetEdit';
import { SupernetList } from './SupernetList';

export const ipSupernets = {
  list: SupernetList,
  create: SupernetCreate,
  edit: SupernetEdit,
  icon: SupernetIcon,
  options: { label: 'IP supernets' },
  recordRepresentation: 'name',
};
