import Chip from '@mui/material/Chip';
import type { ContractState } from '../../types';

const LOOK: Record<ContractState, { label: string; color: 'default' | 'info' | 'primary' | 'success' | 'warning' | 'error' }> = {
  draft: { label: 'Draft', color: 'default' },
  sent: { label: 'Sent', color: 'info' },
  viewed: { label: 'Viewed', color: 'primary' },
  signed: { label: 'Signed', color: 'success' },
  declined: { label: 'Declined', color: 'error' },
  expired: { label: 'Expired', color: 'warning' },
  cancelled: { label: 'Cancelled', color: 'default' },
};

export const ContractStateChip = ({ state }: { state: ContractState }) => (
  <Chip
    size="small"
    label={LOOK[state].label}
    color={LOOK[state].color}
    variant={state === 'draft' || state === 'cancelled' ? 'outlined' : 'filled'}
  />
);
