import type { Exporter } from 'react-admin';
import { downloadRows } from '../correspondence/csv';
import type { WebhookEvent } from './types';

/** The events the list fetched for its filters, with the processor's own type names, as webhook-events.csv. */
export const webhookEventExporter: Exporter<WebhookEvent> = (events) =>
  downloadRows(
    'webhook-events',
    [
      'id',
      'received_at',
      'type',
      'object_id',
      'account_id',
      'status',
      'outcome',
      'deliveries',
      'dispatched_at',
      'dispatches',
      'batch_id',
      'attempts',
      'processed_at',
      'last_error',
    ],
    events.map((event) => [
      event.id,
      event.receivedAt,
      event.type,
      event.objectId,
      event.accountId,
      event.status,
      event.outcome,
      event.deliveries,
      event.dispatchedAt,
      event.dispatches,
      event.batchId,
      event.attempts,
      event.processedAt,
      event.lastError,
    ]),
  );
