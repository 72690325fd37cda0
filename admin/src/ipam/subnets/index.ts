import SubnetIcon from '@mui/icons-material/Lan';
import { SubnetCreate, SubnetEdit } from './SubnetEdit';
import { SubnetList } from './SubnetList';

export const ipSubnets = {
  list: SubnetList,
  create: SubnetCreate,
  edit: SubnetEdit,
  icon: SubnetIcon,
  options: { label: 'IP subnets' },
  recordRepresentation: 'name',
};
