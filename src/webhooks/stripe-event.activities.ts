import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PaymentDisputesService } from '../payments/payment-disputes.service';
import { PaymentReversalsService } from '../payments/payment-reversals.service';
import { PaymentSyncService } from '../payments/payment-sync.service';
import { StripeObjectKind, StripeObjectOwners } from '../payments/stripe-object-owners';
import { inLanes } from '../common/in-lanes';
import { setEach } from '../database/case-by-id';
import { Activity } from '../temporal/activity.decorator';

export interface StripeEventOutcome {
  eventId: string;
  status: 'processed' | 'ignored';
  outcome: string;
  /** The account the event's object belongs to, once a row of ours holds that object. */
  accountId?: number;
}

/**
 * What each event type means to us. Every handler takes the id of the object the
 * event is about and reads that object's current state from Stripe, so events
 * that arrive late, twice or out of order all lead to the same end state.
 */
interface Handlers {
  sync: PaymentSyncService;
  reversals: PaymentReversalsService;
  disputes: PaymentDisputesService;
}

type Handler = (services: Handlers, objectId: string) => Promise<string>;

const HANDLERS: Record<string, Handler> = {
  'payment_intent.succeeded': ({ sync }, id) => sync.syncPaymentIntent(id),
  'payment_intent.payment_failed': ({ sync }, id) => sync.syncPaymentIntent(id),
  'payment_intent.processing': ({ sync }, id) => sync.syncPaymentIntent(id),
  'payment_intent.canceled': ({ sync }, id) => sync.syncPaymentIntent(id),
  'payment_method.detached': ({ sync }, id) => sync.paymentMethodDetached(id),
  'refund.updated': ({ reversals }, id) => reversals.syncRefund(id),
  'charge.refund.updated': ({ reversals }, id) => reversals.syncRefund(id),
  'charge.dispute.created': ({ disputes }, id) => disputes.syncDispute(id),
  'charge.dispute.updated': ({ disputes }, id) => disputes.syncDispute(id),
  'charge.dispute.closed': ({ disputes }, id) => disputes.syncDispute(id),
};

/** Where a batch stands after a pass: its events by state, and the accounts they belong to. */
export interface StripeEventBatchState {
  processed: number;
  ignored: number;
  /** Events whose handler failed this pass, tried again after a wait. */
  waiting: number;
  accountIds: number[];
}

/** Events of one batch handled at once: their handlers mostly wait on Stripe and on account locks. */
const BATCH_LANES = 4;

interface StoredEvent {
  id: string;
  type: string;
  object_id: string | null;
}

export const HANDLED_STRIPE_EVENTS = Object.keys(HANDLERS);

/** The events whose handler is PaymentSyncService.syncPaymentIntent, which a batch runs for a group at once. */
const INTENT_EVENTS = new Set(HANDLED_STRIPE_EVENTS.filter((type) => type.startsWith('payment_intent.')));

/** Payment intent events settled together: one transaction, their families locked at once. */
const INTENT_GROUP = 25;

interface ProcessedEvent {
  event: StoredEvent;
  outcome: string;
  accountId: number | null;
}

/** The kind of Stripe object each event type is about, by the type's prefix, to tell whose it is. */
const OBJECT_KINDS: [prefix: string, kind: StripeObjectKind][] = [
  ['payment_intent.', 'payment_intent'],
  ['payment_method.', 'payment_method'],
  ['charge.dispute.', 'dispute'],
  ['refund.', 'refund'],
  ['charge.refund.', 'refund'],
];

@Injectable()
export class StripeEventActivities {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sync: PaymentSyncService,
    private readonly reversals: PaymentReversalsService,
    private readonly disputes: PaymentDisputesService,
    private readonly owners: StripeObjectOwners,
  ) {}

  /**
   * One pass over a batch: each of its events still waiting is handled, oldest first,
   * a few at a time, and its row records the outcome or the error. A failing event
   * does not fail the pass; it stays waiting for the next one. Only an event still
   * in this batch is handled, so one an operator moved to another batch is left to it.
   */
  @Activity()
  async processStripeEventBatch(input: { batchId: string }): Promise<StripeEventBatchState> {
    const events: StoredEvent[] = await this.db.query(
      `SELECT id, type, object_id FROM webhook_events WHERE batch_id = ? AND status = 'received' ORDER BY received_at, id`,
      [input.batchId],
    );
    let handled = 0;
    const beat = (n: number) => Context.current().heartbeat({ handled: (handled += n), of: events.length });
    // The payment intents' events (most of a busy day's) are settled a group at a time; the rest one by one.
    const intents = events.filter((e) => INTENT_EVENTS.has(e.type) && e.object_id);
    for (let i = 0; i < intents.length; i += INTENT_GROUP) {
      const group = intents.slice(i, i + INTENT_GROUP);
      await this.handleIntents(group, input.batchId);
      beat(group.length);
    }
    const grouped = new Set(intents);
    const others = events.filter((e) => !grouped.has(e));
    const { failure } = await inLanes(others, BATCH_LANES, async (event) => {
      await this.handle(event, input.batchId);
      beat(1);
    });
    if (failure !== null) throw failure;
    return this.batchState(input.batchId);
  }

  /** The activity of runs recorded before batches, one event per workflow. */
  @Activity()
  async processStripeEvent(input: { eventId: string }): Promise<StripeEventOutcome> {
    const [event]: (StoredEvent & { status: string; outcome: string | null; account_id: number | null })[] = await this.db.query(
      'SELECT id, type, object_id, status, outcome, account_id FROM webhook_events WHERE id = ?',
      [input.eventId],
    );
    if (!event) throw new Error(`Stripe event ${input.eventId} was not stored`);
    if (event.status === 'received') {
      const lastError = await this.handle(event, null);
      if (lastError !== null) throw new Error(lastError);
      return this.processStripeEvent(input);
    }
    return {
      eventId: input.eventId,
      status: event.status === 'processed' ? 'processed' : 'ignored',
      outcome: event.outcome ?? '',
      ...(event.account_id !== null && { accountId: Number(event.account_id) }),
    };
  }

  /**
   * Runs the event's handler and records what came of it: the outcome and whose it
   * was, or the error and one more attempt. Answers the error, or null once settled.
   * A database that fails the recording throws, and the whole pass is tried again.
   */
  private async handle(event: StoredEvent, batchId: string | null): Promise<string | null> {
    const handler = HANDLERS[event.type];
    if (!handler || !event.object_id) {
      const inBatch = batchId === null ? '' : ' AND batch_id = ?';
      await this.db.query(
        `UPDATE webhook_events SET status = 'ignored', outcome = 'not handled', processed_at = CURRENT_TIMESTAMP(3), last_error = NULL
          WHERE id = ? AND status = 'received'${inBatch}`,
        [event.id, ...(batchId === null ? [] : [batchId])],
      );
      return null;
    }
    let outcome: string;
    try {
      outcome = await handler({ sync: this.sync, reversals: this.reversals, disputes: this.disputes }, event.object_id);
    } catch (err) {
      return this.recordFailure(event, err);
    }
    // Read after the handler ran, since a first event about an object (a dispute opened) is what writes its row.
    const accountId = await this.accountOf(event);
    await this.recordProcessed([{ event, outcome, accountId }], batchId);
    return null;
  }

  /** A group of payment intent events, their payments settled together (PaymentSyncService.syncPaymentIntents). */
  private async handleIntents(events: StoredEvent[], batchId: string): Promise<void> {
    const results = await this.sync.syncPaymentIntents(events.map((e) => e.object_id as string));
    const owners = await this.owners.accountsOf(
      'payment_intent',
      events.map((e) => e.object_id as string),
    );
    const processed: ProcessedEvent[] = [];
    for (const event of events) {
      const result = results.get(event.object_id as string) as string | Error;
      if (result instanceof Error) await this.recordFailure(event, result);
      else processed.push({ event, outcome: result, accountId: owners.get(event.object_id as string) ?? null });
    }
    await this.recordProcessed(processed, batchId);
  }

  private async recordFailure(event: StoredEvent, err: unknown): Promise<string> {
    const message = String(err instanceof Error ? err.message : err).slice(0, 500);
    await this.db.query(`UPDATE webhook_events SET last_error = ?, attempts = attempts + 1 WHERE id = ?`, [message, event.id]);
    return message;
  }

  /** Marks events processed with their outcomes and owners, in one statement however many. */
  private async recordProcessed(processed: ProcessedEvent[], batchId: string | null): Promise<void> {
    if (!processed.length) return;
    const each = setEach(processed, (p) => p.event.id, { outcome: (p) => p.outcome, account_id: (p) => p.accountId });
    await this.db.query(
      `UPDATE webhook_events SET status = 'processed', ${each.sql},
              processed_at = CURRENT_TIMESTAMP(3), last_error = NULL, attempts = attempts + 1,
              -- A dispatcher that died between starting the run and recording it left the event looking never handed
              -- over; being processed proves it was, so the record is completed here, once.
              dispatches = IF(dispatched_at IS NULL, dispatches + 1, dispatches), dispatched_at = COALESCE(dispatched_at, CURRENT_TIMESTAMP(3))
        WHERE id IN (?) AND status = 'received'${batchId === null ? '' : ' AND batch_id = ?'}`,
      [...each.params, processed.map((p) => p.event.id), ...(batchId === null ? [] : [batchId])],
    );
  }

  private async batchState(batchId: string): Promise<StripeEventBatchState> {
    const counts: { status: string; n: string }[] = await this.db.query(
      'SELECT status, COUNT(*) AS n FROM webhook_events WHERE batch_id = ? GROUP BY status',
      [batchId],
    );
    const owners: { account_id: number }[] = await this.db.query(
      'SELECT DISTINCT account_id FROM webhook_events WHERE batch_id = ? AND account_id IS NOT NULL ORDER BY account_id',
      [batchId],
    );
    const count = (status: string) => Number(counts.find((r) => r.status === status)?.n ?? 0);
    return {
      processed: count('processed'),
      ignored: count('ignored'),
      waiting: count('received'),
      accountIds: owners.map((r) => Number(r.account_id)),
    };
  }

  private async accountOf(event: StoredEvent): Promise<number | null> {
    const kind = OBJECT_KINDS.find(([prefix]) => event.type.startsWith(prefix))?.[1];
    if (!kind || !event.object_id) return null;
    return this.owners.accountOf(kind, event.object_id);
  }
}
