import type { Exporter } from 'react-admin';
import { downloadRows } from '../correspondence/csv';
import { INBOUND_STATUS_LABELS, inboundOutcome } from './inboundOutcome';
import type { InboundMessage } from './types';

/** The rows the list fetched for its filters, in its columns and words, plus what a clerk may need to find the mail again. */
export const inboundMessagesExporter: Exporter<InboundMessage> = (messages) =>
  downloadRows(
    'inbound-mail',
    [
      'id',
      'received_at',
      'from',
      'to',
      'subject',
      'status',
      'outcome',
      'ticket_id',
      'reason',
      'notes',
      'size_bytes',
      'times_seen',
      'message_id',
    ],
    messages.map((message) => [
      message.id,
      message.receivedAt,
      message.fromAddress,
      message.toAddresses,
      message.subject,
      INBOUND_STATUS_LABELS[message.status],
      inboundOutcome(message),
      message.ticketId,
      message.reason,
      message.notes,
      message.sizeBytes,
      message.timesSeen,
      message.messageId,
    ]),
  );
