import PoolIcon from '@mui/icons-material/Dns';
import { PoolCreate, PoolEdit } from './PoolEdit';
import { PoolList } from './PoolList';

export const ipPools = {
  list: PoolList,
  create: PoolCreate,
  edit: PoolEdit,
  icon: PoolIcon,
  options: { label: 'IP pools' },
  recordRepresentation: 'name',
};
