import Chip from '@mui/material/Chip';
import type { EmailStatus } from '../types';

export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = {
  queued: 'Queued',
  sent: 'Sent',
  rejected: 'Rejected',
  invalid: 'Invalid address',
};

const COLORS: Record<EmailStatus, 'default' | 'success' | 'error' | 'warning'> = {
  queued: 'default',
  sent: 'success',
  rejected: 'error',
  invalid: 'warning',
};

export const EmailStatusChip = ({ status }: { status: EmailStatus }) => (
  <Chip size="small" variant="outlined" color={COLORS[status]} label={EMAIL_STATUS_LABELS[status]} />
);
