import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { BadInputException, DomainException } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { HANDLED_STRIPE_EVENTS } from './stripe-event.activities';
import { StripeEventDispatcher } from './stripe-event-dispatcher';
import { wellFormed } from './stripe-event-shape';
import { WebhooksErrorCode } from './webhooks.error-codes';

/** Stripe's own default, and what it recommends: older signatures are replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export interface WebhookReceipt {
  received: true;
  eventId: string;
  /** This event id had been received before; nothing new was stored or started. */
  duplicate: boolean;
}

/**
 * Receives Stripe events: checks the signature on the bytes as sent, stores the
 * event once by its id and answers. Nothing else is on that path: handing the event
 * to its processing workflow happens after the answer (StripeEventDispatcher), so
 * the answer is as fast as one INSERT and does not depend on Temporal being up.
 */
@Injectable()
export class StripeWebhooksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dispatcher: StripeEventDispatcher,
  ) {}

  async receive(rawBody: Buffer | undefined, signature: string | undefined): Promise<WebhookReceipt> {
    if (!signature) {
      throw new BadInputException([{ field: 'Stripe-Signature', rule: 'required', message: 'the Stripe-Signature header is missing' }]);
    }
    if (!rawBody?.length) throw new BadInputException([{ field: 'body', rule: 'required', message: 'the event body is missing' }]);
    const event = wellFormed(this.verify(rawBody, signature));
    const objectId = typeof event.data.object.id === 'string' ? event.data.object.id : null;
    // A type we do not act on is kept, for the record, and never handed to processing.
    const handled = objectId !== null && HANDLED_STRIPE_EVENTS.includes(event.type);
    const settled = handled ? '' : ", status = 'ignored', outcome = 'not handled', processed_at = CURRENT_TIMESTAMP(3)";
    const stored: { affectedRows: number } = await this.db.query(
      `INSERT INTO webhook_events SET id = ?, provider = 'stripe', type = ?, object_id = ?, livemode = ?,
              event_created_at = FROM_UNIXTIME(?), payload = ?${settled}
       ON DUPLICATE KEY UPDATE deliveries = deliveries + 1`,
      [event.id, event.type, objectId, event.livemode ? 1 : 0, event.created, rawBody.toString('utf8')],
    );
    // MariaDB counts an insert as 1 row and an update of a duplicate as 2.
    const duplicate = stored.affectedRows !== 1;
    // After the commit and off the answer's path; an event a crash keeps from this line is swept up later.
    if (handled && !duplicate) this.dispatcher.enqueue({ id: event.id, type: event.type, objectId, receivedAt: new Date() });
    return { received: true, eventId: event.id, duplicate };
  }

  /** The stripe library's constructEvent: HMAC over "timestamp.body", and a timestamp no older than the tolerance. */
  private verify(rawBody: Buffer, signature: string): unknown {
    let event: unknown;
    try {
      // Checking needs no API client (and no secret key): the library's static helper does it offline.
      event = Stripe.webhooks.constructEvent(rawBody, signature, this.config.STRIPE_WEBHOOK_SECRET, SIGNATURE_TOLERANCE_SECONDS);
    } catch (err) {
      // The library's message names the problem (no signature matched, timestamp outside the tolerance) and never the secret.
      throw refusedSignature(err instanceof Error ? err.message.split('\n')[0] : 'the signature could not be checked');
    }
    // The library only refuses old timestamps; one from the future is as suspect (a clock far off, or a forged replay window).
    // Wall-clock time, as the library's own check uses: freshness is about the delivery, not the billing day the Clock gives.
    const signedAt = signatureTimestamp(signature);
    if (signedAt === null || signedAt > Date.now() / 1000 + SIGNATURE_TOLERANCE_SECONDS) {
      throw refusedSignature('Timestamp outside the tolerance zone (in the future)');
    }
    return event;
  }
}

function refusedSignature(reason: string): DomainException {
  return new DomainException(WebhooksErrorCode.InvalidSignature, `The Stripe signature was refused: ${reason}`, [
    { field: 'Stripe-Signature', rule: 'signature', message: reason },
  ]);
}

/** The `t=` of a Stripe-Signature header, in seconds; null when it has none the library could have accepted. */
function signatureTimestamp(header: string): number | null {
  const match = /(?:^|,)\s*t=(\d{1,12})(?:,|$)/.exec(header);
  return match ? Number(match[1]) : null;
}
