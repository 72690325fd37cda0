import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { BATCH_SIZE, StoredStripeEvent, StripeEventStarter } from './stripe-event-starter';

/** Events held in memory at most; past that, new ones wait in the database for the sweeping dispatcher. */
export const MAX_WAITING_EVENTS = 20_000;
/** How long the dispatcher waits before trying Temporal again after it refused or was unreachable. */
const RETRY_AFTER_MS = 2_000;
/** How long a short line waits for more events to share its batch: a burst becomes a few batches, not one per event. */
export const GATHER_MS = 100;

/**
 * Hands the events this process stored to processing, after their answer has gone
 * out, oldest first and in batches: one batch is being started at a time, and the
 * events that arrive meanwhile form the next one, so batches grow with the rate and
 * Temporal starts a workflow per batch, not per event. When Temporal is away the line waits and is tried again;
 * what a crash takes from memory is still in the database, where the sweeping
 * dispatcher (webhookDispatcherWorkflow) finds it.
 */
@Injectable()
export class StripeEventDispatcher implements OnApplicationShutdown {
  private readonly logger = new Logger(StripeEventDispatcher.name);
  private readonly waiting: StoredStripeEvent[] = [];
  private readonly held = new Set<string>();
  private running = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly starter: StripeEventStarter) {}

  /** Queues the event for processing and returns at once; never throws. */
  enqueue(event: StoredStripeEvent): void {
    if (this.stopped || this.held.has(event.id) || this.waiting.length >= MAX_WAITING_EVENTS) return;
    this.held.add(event.id);
    this.waiting.push(event);
    void this.drain();
  }

  /** Events in line in this process, not yet started. */
  get backlog(): number {
    return this.waiting.length;
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private async drain(): Promise<void> {
    if (this.running || this.retryTimer) return;
    this.running = true;
    try {
      while (this.waiting.length && !this.stopped) {
        if (this.waiting.length < BATCH_SIZE) await delay(GATHER_MS);
        const group = this.waiting.slice(0, BATCH_SIZE);
        try {
          await this.starter.dispatch(group);
        } catch (err) {
          // The group stays in line and is tried again shortly; a claim already written is kept and joined.
          this.logger.warn(`Stripe events wait for Temporal: ${err instanceof Error ? err.message : String(err)}`);
          this.retryTimer = setTimeout(() => {
            this.retryTimer = null;
            void this.drain();
          }, RETRY_AFTER_MS);
          this.retryTimer.unref();
          return;
        }
        this.waiting.splice(0, group.length);
        for (const event of group) this.held.delete(event.id);
      }
    } finally {
      this.running = false;
    }
  }
}
