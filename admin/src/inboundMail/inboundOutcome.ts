import type { InboundMessage, InboundMessageStatus } from './types';

export const INBOUND_STATUS_LABELS: Record<InboundMessageStatus, string> = {
  processed: 'Filed',
  rejected: 'Kept, not filed',
  received: 'Waiting',
};

/**
 * What became of a message, as one sentence: "Opened ticket #12", "Added to ticket #12", "Kept: <the
 * reason>", or, for one still to be filed, why the last try failed. The screen and the CSV both say it.
 */
export const inboundOutcome = (message: InboundMessage): string => {
  switch (message.status) {
    case 'processed':
      if (message.ticketId === null) return 'Filed on a ticket since deleted';
      return message.ticketCreated ? `Opened ticket #${message.ticketId}` : `Added to ticket #${message.ticketId}`;
    case 'rejected':
      return `Kept: ${message.reason ?? 'no reason was recorded.'}`;
    case 'received':
      return message.reason ? `Waiting to be filed again; ${message.reason}` : 'Waiting to be filed';
  }
};
