import Chip from '@mui/material/Chip';
import { STATE_LABELS } from './scheduledEventKinds';
import type { ScheduledEventState } from '../../../types';

const COLORS: Record<ScheduledEventState, 'info' | 'success' | 'default' | 'error'> = {
  scheduled: 'info',
  done: 'success',
  cancelled: 'default',
  failed: 'error',
};

/** Where a scheduled event stands: waiting, done, cancelled or failed. */
export const ScheduledEventStateChip = ({ state }: { state: ScheduledEventState }) => (
  <Chip size="small" label={STATE_LABELS[state]} color={COLORS[state]} variant={state === 'cancelled' ? 'outlined' : 'filled'} />
);
