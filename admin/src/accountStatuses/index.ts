import AccountStatusIcon from '@mui/icons-material/Label';
import { AccountStatusCreate } from './AccountStatusCreate';
import { AccountStatusEdit } from './AccountStatusEdit';
import { AccountStatusList } from './AccountStatusList';

export * from './StatusChip';
export * from './StatusChipField';

export const accountStatuses = {
  list: AccountStatusList,
  create: AccountStatusCreate,
  edit: AccountStatusEdit,
  icon: AccountStatusIcon,
  options: { label: 'Account statuses' },
  recordRepresentation: 'name',
};
