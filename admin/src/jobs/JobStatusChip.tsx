import Chip, { type ChipProps } from '@mui/material/Chip';
import { JOB_STATUS_LABELS } from './jobFormatting';
import type { JobStatus } from './types';

const COLORS: Record<JobStatus, ChipProps['color']> = {
  not_scheduled: 'default',
  scheduled: 'info',
  en_route: 'warning',
  completed: 'success',
  failed: 'error',
  cancelled: 'default',
};

/** A job's status as a chip; a cancelled job's is outlined, so it reads as over. */
export const JobStatusChip = ({ status }: { status: JobStatus }) => (
  <Chip size="small" label={JOB_STATUS_LABELS[status]} color={COLORS[status]} variant={status === 'cancelled' ? 'outlined' : 'filled'} />
);
