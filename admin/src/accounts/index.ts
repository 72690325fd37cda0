import AccountIcon from '@mui/icons-material/AccountBox';
import type { Account } from '../types';
import { AccountCreate } from './AccountCreate';
import { AccountEdit } from './AccountEdit';
import { AccountList } from './AccountList';
import { AccountShow } from './AccountShow';

export const accounts = {
  list: AccountList,
  create: AccountCreate,
  edit: AccountEdit,
  show: AccountShow,
  icon: AccountIcon,
  recordRepresentation: (account: Account) => `${account.name} (#${account.id})`,
};
