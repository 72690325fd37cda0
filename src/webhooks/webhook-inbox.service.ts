import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ConflictException, NotFoundException } from '../common/errors';
import { ListResult } from '../common/list-query';
import { transactionWithRetry } from '../database/transaction';
import { Metrics } from '../metrics/metrics';
import type { WebhookEventDto, WebhookEventFilterDto, WebhookInboxFiguresDto } from './dto/webhook-event.dto';
import { StripeEventDispatcher } from './stripe-event-dispatcher';
import { WebhooksErrorCode } from './webhooks.error-codes';

/** Stored, and not yet processed or set aside: what the inbox still holds. */
const PENDING = "status = 'received'";

const COLUMNS = `id, type, object_id, account_id, received_at, deliveries, batch_id, dispatched_at, dispatches, attempts, status, outcome,
  processed_at, last_error`;

interface EventRow {
  id: string;
  type: string;
  object_id: string | null;
  account_id: number | null;
  received_at: Date;
  deliveries: number;
  dispatched_at: Date | null;
  dispatches: number;
  batch_id: string | null;
  attempts: number;
  status: WebhookEventDto['status'];
  outcome: string | null;
  processed_at: Date | null;
  last_error: string | null;
}

const toDto = (r: EventRow): WebhookEventDto => ({
  id: r.id,
  type: r.type,
  objectId: r.object_id,
  receivedAt: new Date(r.received_at).toISOString(),
  deliveries: Number(r.deliveries),
  dispatchedAt: r.dispatched_at ? new Date(r.dispatched_at).toISOString() : null,
  dispatches: Number(r.dispatches),
  batchId: r.batch_id,
  attempts: Number(r.attempts),
  accountId: r.account_id === null ? null : Number(r.account_id),
  status: r.status,
  outcome: r.outcome,
  processedAt: r.processed_at ? new Date(r.processed_at).toISOString() : null,
  lastError: r.last_error,
});

/**
 * The inbox of processor events as operators see it: how much waits and for how
 * long, each event's way through, and handing one to processing again.
 */
@Injectable()
export class WebhookInboxService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly dispatcher: StripeEventDispatcher,
    private readonly audit: AuditService,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    // Read when scraped, so the figures are the database's, whichever process stored the events;
    // both gauges of one scrape share one query.
    let scraping: Promise<WebhookInboxFiguresDto> | null = null;
    const figures = () =>
      (scraping ??= this.figures().finally(() => {
        scraping = null;
      }));
    new Gauge({
      name: 'backhaul_webhook_inbox_pending',
      help: 'Processor events stored and not yet processed',
      registers: [this.metrics.registry],
      async collect() {
        this.set((await figures()).pending);
      },
    });
    new Gauge({
      name: 'backhaul_webhook_inbox_oldest_pending_seconds',
      help: 'Age of the oldest processor event not yet processed (0 when none waits)',
      registers: [this.metrics.registry],
      async collect() {
        this.set((await figures()).oldestPendingSeconds);
      },
    });
  }

  async figures(): Promise<WebhookInboxFiguresDto> {
    const [row]: { pending: string; undispatched: string; oldest: string | null }[] = await this.db.query(
      `SELECT COUNT(*) AS pending, SUM(dispatched_at IS NULL) AS undispatched,
              TIMESTAMPDIFF(MICROSECOND, MIN(received_at), CURRENT_TIMESTAMP(3)) / 1000000 AS oldest
         FROM webhook_events WHERE ${PENDING}`,
    );
    return {
      pending: Number(row.pending),
      undispatched: Number(row.undispatched ?? 0),
      oldestPendingSeconds: row.oldest === null ? 0 : Math.max(0, Math.round(Number(row.oldest))),
    };
  }

  async list(filter: WebhookEventFilterDto, offset: number, limit: number): Promise<ListResult<WebhookEventDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.type) {
      where.push('type = ?');
      params.push(filter.type);
    }
    if (filter.objectId) {
      where.push('object_id = ?');
      params.push(filter.objectId);
    }
    if (filter.batchId) {
      where.push('batch_id = ?');
      params.push(filter.batchId);
    }
    if (filter.accountId) {
      where.push('account_id = ?');
      params.push(filter.accountId);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }]: { n: string }[] = await this.db.query(`SELECT COUNT(*) AS n FROM webhook_events ${clause}`, params);
    const rows: EventRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM webhook_events ${clause} ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return new ListResult('webhook-events', rows.map(toDto), Number(n), offset);
  }

  async get(id: string): Promise<WebhookEventDto> {
    const [row]: EventRow[] = await this.db.query(`SELECT ${COLUMNS} FROM webhook_events WHERE id = ?`, [id]);
    if (!row) throw new NotFoundException('Webhook event', id);
    return toDto(row);
  }

  /**
   * Hands a stored event to processing again, for one whose batch failed or was
   * terminated: it leaves that batch and is dispatched in a new one. A processed or
   * ignored event is refused, since its outcome is already in the books.
   */
  async redispatch(id: string): Promise<WebhookEventDto> {
    const event = await this.get(id);
    if (event.status !== 'received') {
      throw new ConflictException(
        WebhooksErrorCode.EventSettled,
        `Event ${id} is already ${event.status}; there is nothing left to process`,
      );
    }
    await transactionWithRetry(this.db, async (em) => {
      await em.query(
        "UPDATE webhook_events SET batch_id = NULL, claimed_at = NULL, dispatched_at = NULL WHERE id = ? AND status = 'received'",
        [id],
      );
      await this.audit.recordAction(em, {
        action: 'webhook_event.redispatch',
        entityType: 'webhook_event',
        entityId: id,
        before: { batchId: event.batchId, dispatchedAt: event.dispatchedAt, dispatches: event.dispatches },
      });
    });
    this.dispatcher.enqueue({ id, type: event.type, objectId: event.objectId, receivedAt: new Date(event.receivedAt) });
    return this.get(id);
  }
}
