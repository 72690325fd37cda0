import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { stripeEventWorkflow } from '../../workflows/stripe-event.workflow';
import { workflowIds } from '../../workflows/shared';
import { inLanes } from '../common/in-lanes';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';

/** A stored event as processing needs it. */
export interface StoredStripeEvent {
  id: string;
  type: string;
  objectId: string | null;
  receivedAt: Date;
}

/** How many workflow starts are in flight at once: enough to keep Temporal busy, few enough to feel its pace. */
export const START_CONCURRENCY = 8;

/**
 * Hands stored events to processing: starts each one's workflow (id = event id) and
 * records that it was started. A start that finds the workflow already there
 * (a second delivery, or a dispatcher that died between the start and the record)
 * counts as started, so an event is processed once however often it is handed over.
 */
@Injectable()
export class StripeEventStarter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts each event's workflow, a few at a time, and records the ones started; throws the first failure after recording the rest. */
  async start(events: StoredStripeEvent[]): Promise<void> {
    const { done, failure } = await inLanes(events, START_CONCURRENCY, (event) => this.startOne(event));
    await this.recordStarted(done.map((event) => event.id));
    if (failure !== null) throw failure;
  }

  /** Events stored more than `graceSeconds` ago and never handed over, oldest first. */
  async undispatched(graceSeconds: number, limit: number): Promise<StoredStripeEvent[]> {
    const rows: { id: string; type: string; object_id: string | null; received_at: Date }[] = await this.db.query(
      `SELECT id, type, object_id, received_at FROM webhook_events
        WHERE status = 'received' AND dispatched_at IS NULL AND received_at < CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND
        ORDER BY received_at, id LIMIT ?`,
      [graceSeconds, limit],
    );
    return rows.map((r) => ({ id: r.id, type: r.type, objectId: r.object_id, receivedAt: new Date(r.received_at) }));
  }

  private async startOne(event: StoredStripeEvent): Promise<void> {
    try {
      await this.temporal.workflow.start(stripeEventWorkflow, {
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowId: workflowIds.stripeEvent(event.id),
        // A run that failed or was terminated by hand may be replaced when an operator hands the event over again; a finished one not.
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
        args: [{ eventId: event.id, type: event.type }],
        memo: { description: `Stripe ${event.type}${event.objectId ? ` for ${event.objectId}` : ''}` },
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }

  private async recordStarted(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.db.query(
      'UPDATE webhook_events SET dispatched_at = CURRENT_TIMESTAMP(3), dispatches = dispatches + 1 WHERE id IN (?) AND dispatched_at IS NULL',
      [ids],
    );
  }
}
