import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { WebhookEvent, WebhookEventStatus } from './types';

export const WEBHOOK_EVENT_STATUSES: WebhookEventStatus[] = ['received', 'processed', 'ignored', 'failed'];

// A received event is one nobody has finished with yet, however far its processing got.
export const WEBHOOK_EVENT_STATUS_LABELS: Record<WebhookEventStatus, string> = {
  received: 'Waiting',
  processed: 'Processed',
  ignored: 'Ignored',
  failed: 'Failed',
};

const COLORS: Record<WebhookEventStatus, 'default' | 'success' | 'error' | 'warning'> = {
  received: 'warning',
  processed: 'success',
  ignored: 'default',
  failed: 'error',
};

export const WebhookEventStatusChip = ({ status }: { status: WebhookEventStatus }) => (
  <Chip size="small" variant="outlined" color={COLORS[status]} label={WEBHOOK_EVENT_STATUS_LABELS[status]} />
);

/** "payment_intent.succeeded" → "Payment intent succeeded": the processor's name read as words. */
export const typeInWords = (type: string): string => {
  const words = type.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The type in words; the processor's own name, the one its dashboard and the type filter use, on hover. */
export const EventType = ({ type }: { type: string }) => (
  <Tooltip title={type}>
    <span>{typeInWords(type)}</span>
  </Tooltip>
);

const ERROR_CUT = 60;

/** The last error, cut to fit a row; the whole of it on hover. */
export const LastError = ({ event }: { event: WebhookEvent }) =>
  event.lastError ? (
    <Tooltip title={event.lastError}>
      <span>{event.lastError.length > ERROR_CUT ? `${event.lastError.slice(0, ERROR_CUT)}…` : event.lastError}</span>
    </Tooltip>
  ) : (
    ''
  );
