import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PaymentDisputesService } from '../payments/payment-disputes.service';
import { PaymentReversalsService } from '../payments/payment-reversals.service';
import { PaymentSyncService } from '../payments/payment-sync.service';
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

/** Where each kind of object the handlers sync is kept, by the event type's prefix, to tell whose it is. */
const OWNING_ROWS: [prefix: string, sql: string][] = [
  ['payment_intent.', 'SELECT account_id FROM processor_payments WHERE stripe_payment_intent_id = ?'],
  ['payment_method.', 'SELECT account_id FROM payment_methods WHERE stripe_payment_method_id = ?'],
  ['charge.dispute.', 'SELECT account_id FROM processor_disputes WHERE stripe_dispute_id = ?'],
  ['refund.', 'SELECT account_id FROM processor_refunds WHERE stripe_refund_id = ?'],
  ['charge.refund.', 'SELECT account_id FROM processor_refunds WHERE stripe_refund_id = ?'],
];

@Injectable()
export class StripeEventActivities {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sync: PaymentSyncService,
    private readonly reversals: PaymentReversalsService,
    private readonly disputes: PaymentDisputesService,
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

  private async markStripeEvent(eventId: string, status: 'processed' | 'ignored', outcome: string): Promise<void> {
    await this.db.query(
      'UPDATE webhook_events SET status = ?, outcome = ?, processed_at = CURRENT_TIMESTAMP(3), last_error = NULL WHERE id = ?',
      [status, outcome, eventId],
    );
  }

  /** Read after the handler ran, since a first event about an object (a dispute opened) is what writes its row. */
  private async accountOf(event: { type: string; object_id: string | null }): Promise<{ accountId?: number }> {
    const sql = OWNING_ROWS.find(([prefix]) => event.type.startsWith(prefix))?.[1];
    if (!sql || !event.object_id) return {};
    const [row]: { account_id: number }[] = await this.db.query(sql, [event.object_id]);
    return row ? { accountId: Number(row.account_id) } : {};
  }
}
