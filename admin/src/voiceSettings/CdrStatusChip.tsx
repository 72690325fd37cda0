import Chip from '@mui/material/Chip';
import type { CdrFileStatus } from './types';
import { CDR_STATUS_LABELS } from './voiceWords';

const COLORS: Record<CdrFileStatus, 'default' | 'info' | 'success' | 'error'> = {
  received: 'default',
  importing: 'info',
  imported: 'success',
  failed: 'error',
};

export const CdrStatusChip = ({ status }: { status: CdrFileStatus }) => (
  <Chip size="small" variant="outlined" color={COLORS[status]} label={CDR_STATUS_LABELS[status]} />
);
