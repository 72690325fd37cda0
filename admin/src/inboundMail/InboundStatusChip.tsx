import Chip from '@mui/material/Chip';
import { INBOUND_STATUS_LABELS } from './inboundOutcome';
import type { InboundMessageStatus } from './types';

const COLORS: Record<InboundMessageStatus, 'success' | 'warning' | 'default'> = {
  processed: 'success',
  rejected: 'warning',
  received: 'default',
};

export const InboundStatusChip = ({ status }: { status: InboundMessageStatus }) => (
  <Chip size="small" variant="outlined" color={COLORS[status]} label={INBOUND_STATUS_LABELS[status]} />
);
