import NightlyIcon from '@mui/icons-material/Bedtime';
import { NightlyRunList } from './NightlyRunList';

export const nightlyRuns = { list: NightlyRunList, icon: NightlyIcon, options: { label: 'Nightly runs' } };
