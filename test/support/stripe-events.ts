import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { waitUntil } from './processes';
import type { TestApp } from './test-app';

const signer = new Stripe('sk_test_webhooks');

export interface SignedStripeEvent {
  id: string;
  payload: string;
  header: string;
  /** Posts it to the webhook endpoint as Stripe would, once per call. */
  send: () => ReturnType<ReturnType<TestApp['http']>['post']>;
}

/**
 * An event as Stripe sends it, about the given object, signed with the app's
 * webhook secret now; its id is new on every call.
 */
export function signedStripeEvent(
  sut: Pick<TestApp, 'config' | 'http'>,
  type: string,
  object: Record<string, unknown>,
  idPrefix = 'evt_test',
): SignedStripeEvent {
  const id = `${idPrefix}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const payload = JSON.stringify({ id, object: 'event', type, created: Math.floor(Date.now() / 1000), livemode: false, data: { object } });
  const header = signer.webhooks.generateTestHeaderString({ payload, secret: sut.config.STRIPE_WEBHOOK_SECRET });
  return {
    id,
    payload,
    header,
    send: () =>
      sut.http().post('/api/webhooks/stripe').set('Content-Type', 'application/json').set('Stripe-Signature', header).send(payload),
  };
}

export interface StripeEventOutcome {
  eventId: string;
  status: string;
  outcome: string;
  accountId?: number;
  /** The batch workflow that processed it. */
  batchId: string | null;
  /** How many times its handler ran. */
  attempts: number;
}

/**
 * The outcome of a stored Stripe event's processing, as its row records it once the
 * batch holding it has processed it. The API hands events over just after it answers,
 * so the wait starts before there is any batch.
 */
export async function stripeEventOutcome(sut: Pick<TestApp, 'db'>, eventId: string, timeoutMs = 60_000): Promise<StripeEventOutcome> {
  let row: { status: string; outcome: string | null; account_id: number | null; batch_id: string | null; attempts: number } | undefined;
  await waitUntil(
    `the processing of ${eventId}`,
    async () => {
      [row] = await sut.db.query('SELECT status, outcome, account_id, batch_id, attempts FROM webhook_events WHERE id = ?', [eventId]);
      return row !== undefined && row.status !== 'received';
    },
    timeoutMs,
  );
  const settled = row!;
  return {
    eventId,
    status: settled.status,
    outcome: settled.outcome ?? '',
    ...(settled.account_id !== null && { accountId: Number(settled.account_id) }),
    batchId: settled.batch_id,
    attempts: Number(settled.attempts),
  };
}
