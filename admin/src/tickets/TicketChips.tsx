import Chip from '@mui/material/Chip';
import { PRIORITY_LABELS, type TicketPriority, type TicketStatusKind, VISIBILITY_LABELS, type TicketVisibility } from './types';

const KIND_COLORS: Record<TicketStatusKind, 'info' | 'warning' | 'default'> = { open: 'info', pending: 'warning', closed: 'default' };

/** A ticket's status by name, coloured by what kind of status it is: open blue, pending amber, closed grey. */
export const TicketStatusChip = ({ name, kind }: { name: string; kind: TicketStatusKind }) => (
  <Chip size="small" color={KIND_COLORS[kind]} variant={kind === 'closed' ? 'outlined' : 'filled'} label={name} title={`${kind} status`} />
);

const PRIORITY_COLORS: Record<TicketPriority, 'default' | 'primary' | 'warning' | 'error'> = {
  low: 'default',
  medium: 'primary',
  high: 'warning',
  critical: 'error',
};

export const PriorityChip = ({ priority }: { priority: TicketPriority }) => (
  <Chip
    size="small"
    variant={priority === 'critical' ? 'filled' : 'outlined'}
    color={PRIORITY_COLORS[priority]}
    label={PRIORITY_LABELS[priority]}
  />
);

export const VisibilityChip = ({ visibility }: { visibility: TicketVisibility }) => (
  <Chip size="small" variant="outlined" color={visibility === 'public' ? 'success' : 'default'} label={VISIBILITY_LABELS[visibility]} />
);
