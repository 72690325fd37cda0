import RoleIcon from '@mui/icons-material/AdminPanelSettings';
import { RoleCreate } from './RoleCreate';
import { RoleEdit } from './RoleEdit';
import { RoleList } from './RoleList';

export const roles = {
  list: RoleList,
  create: RoleCreate,
  edit: RoleEdit,
  icon: RoleIcon,
  recordRepresentation: 'name',
};
