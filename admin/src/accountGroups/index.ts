import AccountGroupIcon from '@mui/icons-material/Workspaces';
import { AccountGroupCreate } from './AccountGroupCreate';
import { AccountGroupEdit } from './AccountGroupEdit';
import { AccountGroupList } from './AccountGroupList';

export const accountGroups = {
  list: AccountGroupList,
  create: AccountGroupCreate,
  edit: AccountGroupEdit,
  icon: AccountGroupIcon,
  options: { label: 'Account groups' },
  recordRepresentation: 'name',
};
