import Chip from '@mui/material/Chip';
import type { SettingSource } from '../../types';

const LABELS: Record<SettingSource, string> = { system: 'System', account_type: 'Account type', account: 'This account' };

/** Where the effective value comes from: inherited (system, account type) or overridden here. */
export const SettingSourceChip = ({ source }: { source: SettingSource }) => (
  <Chip
    size="small"
    label={source === 'account' ? 'Overridden' : `Inherited: ${LABELS[source]}`}
    color={source === 'account' ? 'primary' : 'default'}
    variant={source === 'account' ? 'filled' : 'outlined'}
  />
);
