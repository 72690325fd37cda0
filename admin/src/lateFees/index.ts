import LateFeeIcon from '@mui/icons-material/MoreTime';
import { LateFeesList } from './LateFeesList';

export const lateFees = { list: LateFeesList, icon: LateFeeIcon, options: { label: 'Late fees' } };
