import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { stripeEventBatchWorkflow } from '../../workflows/stripe-event-batch.workflow';
import { workflowIds } from '../../workflows/shared';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';

/** A stored event as dispatching needs it. */
export interface StoredStripeEvent {
  id: string;
  type: string;
  objectId: string | null;
  receivedAt: Date;
}

/** Events in one batch at most: enough to spare Temporal a start per event, few enough that its account list stays short. */
export const BATCH_SIZE = 100;

/**
 * Hands stored events to processing in batches, in three steps that each survive a
 * crash after them:
 *  1. claim: the events not yet in a batch are written into this one (`batch_id`);
 *  2. start: the batch's workflow, named by the batch id, is started, or found running;
 *  3. record: the events are marked handed over (`dispatched_at`).
 * An event is in one batch at a time, so however often it is handed over it is
 * processed once. A claim whose start never happened is found and started later
 * (`startClaimed`), under the same id, so it cannot start twice.
 */
@Injectable()
export class StripeEventStarter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Claims the events not yet in a batch into one batch, then starts every batch
   * holding any of them that was not started yet: this one, and one claimed by an
   * earlier try that Temporal refused. Answers how many events it claimed.
   */
  async dispatch(events: StoredStripeEvent[]): Promise<number> {
    if (!events.length) return 0;
    const ids = events.map((e) => e.id);
    // By primary key only: a range over a secondary index would lock the gap new events are inserted
    // into, and the webhook answers would wait on the claim.
    const claimed: { affectedRows: number } = await this.db.query(
      `UPDATE webhook_events FORCE INDEX (PRIMARY) SET batch_id = ?, claimed_at = CURRENT_TIMESTAMP(3)
        WHERE id IN (?) AND status = 'received' AND batch_id IS NULL`,
      [workflowIds.stripeEventBatch(events[0].id), ids],
    );
    const unstarted: { batch_id: string }[] = await this.db.query(
      `SELECT DISTINCT batch_id FROM webhook_events FORCE INDEX (PRIMARY)
        WHERE id IN (?) AND status = 'received' AND batch_id IS NOT NULL AND dispatched_at IS NULL`,
      [ids],
    );
    for (const { batch_id } of unstarted) await this.startBatch(batch_id, events);
    return claimed.affectedRows;
  }

  /**
   * Starts the batches claimed more than `graceSeconds` ago whose start was never
   * recorded (the process died between the claim and the start, or Temporal was away);
   * answers how many it started.
   */
  async startClaimed(graceSeconds: number, limit: number): Promise<number> {
    const rows: { batch_id: string; first_id: string; events: string }[] = await this.db.query(
      `SELECT batch_id, MIN(id) AS first_id, COUNT(*) AS events FROM webhook_events
        WHERE status = 'received' AND batch_id IS NOT NULL AND dispatched_at IS NULL
          AND claimed_at < CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND
        GROUP BY batch_id ORDER BY MIN(claimed_at) LIMIT ?`,
      [graceSeconds, limit],
    );
    for (const row of rows) await this.startBatch(row.batch_id, [{ id: row.first_id, type: '', objectId: null, receivedAt: new Date() }]);
    return rows.length;
  }

  /** Events stored more than `graceSeconds` ago and never put in a batch, oldest first. */
  async unclaimed(graceSeconds: number, limit: number): Promise<StoredStripeEvent[]> {
    const rows: { id: string; type: string; object_id: string | null; received_at: Date }[] = await this.db.query(
      `SELECT id, type, object_id, received_at FROM webhook_events
        WHERE status = 'received' AND batch_id IS NULL AND received_at < CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND
        ORDER BY received_at, id LIMIT ?`,
      [graceSeconds, limit],
    );
    return rows.map((r) => ({ id: r.id, type: r.type, objectId: r.object_id, receivedAt: new Date(r.received_at) }));
  }

  private async startBatch(batchId: string, events: StoredStripeEvent[]): Promise<void> {
    await this.temporal.workflow.start(stripeEventBatchWorkflow, {
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      workflowId: batchId,
      // A second start of a claimed batch finds the first one running and joins it; a finished batch
      // holds nothing still waiting, so an operator's re-dispatch may reuse its name.
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
      args: [{ batchId }],
      memo: { description: describe(events) },
    });
    // The batch's rows are found by a plain read and written by primary key, for the same reason as the claim.
    const rows: { id: string }[] = await this.db.query('SELECT id FROM webhook_events WHERE batch_id = ? AND dispatched_at IS NULL', [
      batchId,
    ]);
    if (!rows.length) return;
    await this.db.query(
      `UPDATE webhook_events FORCE INDEX (PRIMARY) SET dispatched_at = CURRENT_TIMESTAMP(3), dispatches = dispatches + 1
        WHERE id IN (?) AND batch_id = ? AND dispatched_at IS NULL`,
      [rows.map((r) => r.id), batchId],
    );
  }
}

/** What the Temporal UI shows for a batch: its size and the kinds of events in it. */
function describe(events: StoredStripeEvent[]): string {
  const types = [...new Set(events.map((e) => e.type).filter(Boolean))];
  if (events.length === 1 && types.length === 1) {
    return `Stripe ${types[0]}${events[0].objectId ? ` for ${events[0].objectId}` : ''}`;
  }
  return `Stripe events from ${events[0].id}${types.length ? ` (${types.slice(0, 3).join(', ')}${types.length > 3 ? ', …' : ''})` : ''}`;
}
