import UsagePolicyIcon from '@mui/icons-material/DataUsage';
import { UsagePolicyCreate, UsagePolicyEdit } from './UsagePolicyEdit';
import { UsagePolicyList } from './UsagePolicyList';

export const usagePolicies = {
  list: UsagePolicyList,
  create: UsagePolicyCreate,
  edit: UsagePolicyEdit,
  icon: UsagePolicyIcon,
  options: { label: 'Usage policies' },
  recordRepresentation: 'name',
};
