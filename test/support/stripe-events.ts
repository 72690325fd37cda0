import { randomUUID } from 'node:crypto';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import Stripe from 'stripe';
import { workflowIds } from '../../workflows/shared';
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

/**
 * The outcome of a stored Stripe event's processing. The API starts the event's
 * workflow just after it answers, so the workflow may not exist for a moment yet.
 */
export async function stripeEventOutcome<T = { eventId: string; status: string; outcome: string; accountId?: number }>(
  client: Client,
  eventId: string,
  timeoutMs = 60_000,
): Promise<T> {
  const handle = client.workflow.getHandle(workflowIds.stripeEvent(eventId));
  await waitUntil(
    `the processing workflow of ${eventId} to start`,
    async () => {
      try {
        await handle.describe();
        return true;
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return false;
        throw err;
      }
    },
    timeoutMs,
  );
  return (await handle.result()) as T;
}
