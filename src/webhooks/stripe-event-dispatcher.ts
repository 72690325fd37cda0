import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { BatchingLine } from '../common/batching-line';
import { BATCH_SIZE, StoredStripeEvent, StripeEventStarter } from './stripe-event-starter';

/** Events held in memory at most; past that, new ones wait in the database for the sweeping dispatcher. */
export const MAX_WAITING_EVENTS = 20_000;

/**
 * Hands the events this process stored to processing, after their answer has gone
 * out, oldest first and in batches, as fast as Temporal starts them. When Temporal is
 * away the line waits and is tried again every two seconds; what a crash takes from
 * memory is still in the database, where the sweeping dispatcher
 * (webhookDispatcherWorkflow) finds it.
 */
@Injectable()
export class StripeEventDispatcher implements OnApplicationShutdown {
  private readonly line: BatchingLine<StoredStripeEvent>;

  constructor(starter: StripeEventStarter) {
    this.line = new BatchingLine({
      name: StripeEventDispatcher.name,
      maxBatch: BATCH_SIZE,
      // A quarter second: at a few hundred events a second, batches of fifty or more, each one workflow start.
      gatherMs: 250,
      retryMs: 2_000,
      maxWaiting: MAX_WAITING_EVENTS,
      key: (event) => event.id,
      handOver: (events) => starter.dispatch(events),
    });
  }

  /** Queues the event for processing and returns at once; never throws. */
  enqueue(event: StoredStripeEvent): void {
    this.line.enqueue(event);
  }

  /** Events in line in this process, not yet handed over. */
  get backlog(): number {
    return this.line.backlog;
  }

  onApplicationShutdown(): void {
    this.line.stop();
  }
}
