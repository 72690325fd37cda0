import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PaymentDisputesService } from '../payments/payment-disputes.service';
import { PaymentReversalsService } from '../payments/payment-reversals.service';
import { PaymentSyncService } from '../payments/payment-sync.service';
import { StripeObjectKind, StripeObjectOwners } from '../payments/stripe-object-owners';
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

export const HANDLED_STRIPE_EVENTS = Object.keys(HANDLERS);

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

  @Activity()
  async processStripeEvent(input: { eventId: string }): Promise<StripeEventOutcome> {
    const [event]: { type: string; object_id: string | null; status: string; outcome: string | null }[] = await this.db.query(
      'SELECT type, object_id, status, outcome FROM webhook_events WHERE id = ?',
      [input.eventId],
    );
    if (!event) throw new Error(`Stripe event ${input.eventId} was not stored`);
    if (event.status === 'processed' || event.status === 'ignored') {
      return { eventId: input.eventId, status: event.status, outcome: event.outcome ?? '', ...(await this.accountOf(event)) };
    }
    const handler = HANDLERS[event.type];
    if (!handler || !event.object_id) {
      await this.markStripeEvent(input.eventId, 'ignored', 'not handled');
      return { eventId: input.eventId, status: 'ignored', outcome: 'not handled' };
    }
    try {
      const outcome = await handler({ sync: this.sync, reversals: this.reversals, disputes: this.disputes }, event.object_id);
      await this.markStripeEvent(input.eventId, 'processed', outcome);
      return { eventId: input.eventId, status: 'processed', outcome, ...(await this.accountOf(event)) };
    } catch (err) {
      await this.db
        .query('UPDATE webhook_events SET last_error = ? WHERE id = ?', [
          String(err instanceof Error ? err.message : err).slice(0, 500),
          input.eventId,
        ])
        .catch(() => undefined);
      throw err;
    }
  }

  /**
   * A dispatcher that died between starting this workflow and recording the start
   * left the event looking never handed over; being processed proves it was, so the
   * record is completed here, once.
   */
  private async markStripeEvent(eventId: string, status: 'processed' | 'ignored', outcome: string): Promise<void> {
    await this.db.query(
      `UPDATE webhook_events SET status = ?, outcome = ?, processed_at = CURRENT_TIMESTAMP(3), last_error = NULL,
              dispatches = IF(dispatched_at IS NULL, dispatches + 1, dispatches), dispatched_at = COALESCE(dispatched_at, CURRENT_TIMESTAMP(3))
        WHERE id = ?`,
      [status, outcome, eventId],
    );
  }

  /** Read after the handler ran, since a first event about an object (a dispute opened) is what writes its row. */
  private async accountOf(event: { type: string; object_id: string | null }): Promise<{ accountId?: number }> {
    const kind = OBJECT_KINDS.find(([prefix]) => event.type.startsWith(prefix))?.[1];
    if (!kind || !event.object_id) return {};
    const accountId = await this.owners.accountOf(kind, event.object_id);
    return accountId === null ? {} : { accountId };
  }
}
