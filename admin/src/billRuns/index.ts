import BillRunIcon from '@mui/icons-material/PlaylistPlay';
import { BillRunList } from './BillRunList';

export const billRuns = { list: BillRunList, icon: BillRunIcon, options: { label: 'Bill runs' } };
