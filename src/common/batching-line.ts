import { Logger } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';

export interface BatchingLineOptions<T> {
  /** What the line is for, in its log lines. */
  name: string;
  /** Items handed over in one call at most. */
  maxBatch: number;
  /** How long a short line waits for more items to join its batch: a burst becomes a few batches, not one per item. */
  gatherMs: number;
  /** How long the line waits before trying again after a hand-over failed. */
  retryMs: number;
  /** Items held in memory at most; past that, new ones are left to the sweeper that finds them in the database. */
  maxWaiting: number;
  key: (item: T) => string | number;
  /** Hands a batch over; throws when it could not, and the batch stays in line. */
  handOver: (items: T[]) => Promise<unknown>;
}

/**
 * An in-process line that hands items over in batches, after their caller has moved
 * on: one batch is being handed over at a time and the items that arrive meanwhile
 * form the next one, so batches grow with the rate. A failed hand-over keeps the
 * batch in line and tries again shortly. What a crash takes from memory is still in
 * the database, where a sweeping workflow finds it.
 */
export class BatchingLine<T> {
  private readonly logger: Logger;
  private readonly waiting: T[] = [];
  private readonly held = new Set<string | number>();
  private running = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: BatchingLineOptions<T>) {
    this.logger = new Logger(options.name);
  }

  /** Puts the items in line and returns at once; never throws. */
  enqueue(...items: T[]): void {
    for (const item of items) {
      const key = this.options.key(item);
      if (this.stopped || this.held.has(key) || this.waiting.length >= this.options.maxWaiting) continue;
      this.held.add(key);
      this.waiting.push(item);
    }
    void this.drain();
  }

  /** Items in line, not yet handed over. */
  get backlog(): number {
    return this.waiting.length;
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private async drain(): Promise<void> {
    if (this.running || this.retryTimer || !this.waiting.length) return;
    this.running = true;
    try {
      while (this.waiting.length && !this.stopped) {
        if (this.waiting.length < this.options.maxBatch) await delay(this.options.gatherMs);
        const batch = this.waiting.slice(0, this.options.maxBatch);
        try {
          await this.options.handOver(batch);
        } catch (err) {
          this.logger.warn(`Waiting to hand over ${this.waiting.length} items: ${err instanceof Error ? err.message : String(err)}`);
          this.retryTimer = setTimeout(() => {
            this.retryTimer = null;
            void this.drain();
          }, this.options.retryMs);
          this.retryTimer.unref();
          return;
        }
        this.waiting.splice(0, batch.length);
        for (const item of batch) this.held.delete(this.options.key(item));
      }
    } finally {
      this.running = false;
    }
  }
}
