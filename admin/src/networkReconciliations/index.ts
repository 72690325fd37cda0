import ReconcileIcon from '@mui/icons-material/CompareArrows';
import { NetworkReconciliationList } from './NetworkReconciliationList';
import { NetworkReconciliationShow } from './NetworkReconciliationShow';

export const networkReconciliations = {
  list: NetworkReconciliationList,
  show: NetworkReconciliationShow,
  icon: ReconcileIcon,
  options: { label: 'Network reconciliations' },
};
