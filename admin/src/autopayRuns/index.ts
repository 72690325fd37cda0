import AutopayIcon from '@mui/icons-material/Autorenew';
import { AutopayRunList } from './AutopayRunList';
import { AutopayRunShow } from './AutopayRunShow';

export const autopayRuns = { list: AutopayRunList, show: AutopayRunShow, icon: AutopayIcon, options: { label: 'Autopay runs' } };
