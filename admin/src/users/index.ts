import UserIcon from '@mui/icons-material/People';
import type { StaffUser } from '../types';
import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';
import { UserList } from './UserList';

export const users = {
  list: UserList,
  create: UserCreate,
  edit: UserEdit,
  icon: UserIcon,
  recordRepresentation: (record: StaffUser) => (record.name ? `${record.name} (${record.email})` : record.email),
};
