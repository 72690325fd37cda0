import { Client, Connection } from '@temporalio/client';
import Stripe from 'stripe';
import { workflowIds } from '../../workflows/shared';
import { createTestApp, TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { stripeEventOutcome } from '../support/stripe-events';

const stripe = new Stripe('sk_test_webhooks');

/** An event as Stripe would send it, signed with the instance's secret at a given time (seconds). */
function signed(sut: TestApp, event: object, timestamp = Math.floor(Date.now() / 1000)) {
  const payload = JSON.stringify(event);
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret: sut.config.STRIPE_WEBHOOK_SECRET, timestamp });
  return { payload, header };
}

let counter = 0;
function event(type: string, object: Record<string, unknown>) {
  counter += 1;
  return {
    id: `evt_test_${Date.now()}_${counter}`,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    api_version: '2025-01-01',
    data: { object },
  };
}

/** The Stripe webhook endpoint: only correctly signed, fresh events get in, and each is stored and processed once. */
describe('Stripe webhooks', () => {
  let sut: TestApp;
  let stopWorker: () => Promise<void>;
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    sut = await createTestApp();
    ({ stop: stopWorker } = await startTestWorker(sut));
    connection = await Connection.connect({ address: sut.config.TEMPORAL_ADDRESS });
    client = new Client({ connection, namespace: sut.config.TEMPORAL_NAMESPACE });
  });
  afterAll(async () => {
    await stopWorker();
    await connection.close();
    await sut.close();
  });

  const post = (payload: string, header?: string) => {
    const req = sut.http().post('/api/webhooks/stripe').set('Content-Type', 'application/json');
    if (header !== undefined) req.set('Stripe-Signature', header);
    return req.send(payload);
  };
  const stored = async (id: string) => Number((await sut.db.query('SELECT COUNT(*) AS n FROM webhook_events WHERE id = ?', [id]))[0].n);
  const workflowExists = async (id: string) =>
    client.workflow
      .getHandle(workflowIds.stripeEventBatch(id))
      .describe()
      .then(() => true)
      .catch(() => false);

  it('refuses a wrong signature, a body changed after signing, a stale timestamp and a missing header, storing nothing', async () => {
    const e = event('payment_intent.succeeded', { id: 'pi_never', object: 'payment_intent' });
    const good = signed(sut, e);

    const wrongSecret = stripe.webhooks.generateTestHeaderString({ payload: good.payload, secret: 'whsec_someone_else' });
    const cases = [
      await post(good.payload, wrongSecret),
      await post(good.payload.replace('pi_never', 'pi_nevar'), good.header),
      await post(signed(sut, e, Math.floor(Date.now() / 1000) - 301).payload, signed(sut, e, Math.floor(Date.now() / 1000) - 301).header),
    ];
    for (const res of cases) {
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalid_signature', details: [expect.objectContaining({ field: 'Stripe-Signature' })] });
      expect(JSON.stringify(res.body)).not.toContain(sut.config.STRIPE_WEBHOOK_SECRET);
    }
    const missing = await post(good.payload);
    expect(missing.status).toBe(400);
    expect(missing.body.details[0]).toMatchObject({ field: 'Stripe-Signature', rule: 'required' });

    expect(await stored(e.id)).toBe(0);
    expect(await workflowExists(e.id)).toBe(false);
    expect(sut.logs.lines.join('\n')).not.toContain(sut.config.STRIPE_WEBHOOK_SECRET);
  });

  it('accepts a signature 299 seconds old', async () => {
    const e = event('customer.created', { id: 'cus_fresh', object: 'customer' });
    const { payload, header } = signed(sut, e, Math.floor(Date.now() / 1000) - 299);
    await post(payload, header).expect(200);
    expect(await stored(e.id)).toBe(1);
  });

  it('stores an event delivered three times at once exactly once, and sets a type it does not act on aside without starting anything', async () => {
    const e = event('customer.updated', { id: 'cus_thrice', object: 'customer' });
    const { payload, header } = signed(sut, e);
    const answers = await Promise.all([post(payload, header), post(payload, header), post(payload, header)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1);

    const [row] = await sut.db.query(
      'SELECT deliveries, status, outcome, batch_id, dispatched_at, dispatches FROM webhook_events WHERE id = ?',
      [e.id],
    );
    expect({ ...row, deliveries: Number(row.deliveries), dispatches: Number(row.dispatches) }).toEqual({
      deliveries: 3,
      status: 'ignored',
      outcome: 'not handled',
      batch_id: null,
      dispatched_at: null,
      dispatches: 0,
    });
    // A handled event sent after it is processed; had the first been handed over, a batch named after it would exist by then.
    const later = event('payment_intent.succeeded', { id: 'pi_not_ours_later', object: 'payment_intent' });
    const next = signed(sut, later);
    await post(next.payload, next.header).expect(200);
    expect(await stripeEventOutcome(sut, later.id)).toMatchObject({ status: 'processed' });
    expect(await workflowExists(e.id)).toBe(false);
  });

  it('is public, and answers with no trace of the secret', async () => {
    const e = event('payment_intent.succeeded', { id: 'pi_not_ours', object: 'payment_intent' });
    const { payload, header } = signed(sut, e);
    const res = await post(payload, header).expect(200);
    expect(res.body).toEqual({ received: true, eventId: e.id, duplicate: false });
    const result = await stripeEventOutcome(sut, e.id);
    expect(result).toMatchObject({ status: 'processed', outcome: 'unknown' });
  });
});
