import BillRunIcon from '@mui/icons-material/PlaylistPlay';
import { BillRunList } from './BillRunList';
import { BillRunShow } from './BillRunShow';

export const billRuns = { list: BillRunList, show: BillRunShow, icon: BillRunIcon, options: { label: 'Bill runs' } };
