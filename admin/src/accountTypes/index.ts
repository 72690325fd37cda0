import AccountTypeIcon from '@mui/icons-material/Category';
import { AccountTypeCreate } from './AccountTypeCreate';
import { AccountTypeEdit } from './AccountTypeEdit';
import { AccountTypeList } from './AccountTypeList';

export const accountTypes = {
  list: AccountTypeList,
  create: AccountTypeCreate,
  edit: AccountTypeEdit,
  icon: AccountTypeIcon,
  options: { label: 'Account types' },
  recordRepresentation: 'name',
};
