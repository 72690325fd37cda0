import Chip from '@mui/material/Chip';
import type { DidState } from './types';
import { DID_STATE_LABELS } from './voiceWords';

const COLORS: Record<DidState, 'default' | 'success' | 'info' | 'warning'> = {
  available: 'success',
  assigned: 'info',
  reserved: 'warning',
  retired: 'default',
};

export const DidStateChip = ({ state }: { state: DidState }) => (
  <Chip size="small" variant="outlined" color={COLORS[state]} label={DID_STATE_LABELS[state]} />
);
