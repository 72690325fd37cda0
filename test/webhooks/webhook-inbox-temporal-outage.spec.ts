import { Client, Connection } from '@temporalio/client';
import { createIsolatedTestApp } from '../support/isolated-database';
import { PrivateTemporal } from '../support/private-temporal';
import { waitUntil } from '../support/processes';
import { signedStripeEvent, stripeEventOutcome } from '../support/stripe-events';
import type { TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

const EVENTS = 25;

/**
 * The webhook endpoint answers without Temporal: with the server stopped, every
 * delivery is stored and answered 200 at once, and each event is processed, once,
 * after the server is back.
 */
describe('webhook inbox through a Temporal outage', () => {
  let temporal: PrivateTemporal;
  let sut: TestApp;
  let stopWorker: () => Promise<void>;
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    temporal = await PrivateTemporal.create();
    sut = await createIsolatedTestApp({ TEMPORAL_ADDRESS: temporal.address });
    ({ stop: stopWorker } = await startTestWorker(sut));
    connection = await Connection.connect({ address: temporal.address });
    client = new Client({ connection, namespace: sut.config.TEMPORAL_NAMESPACE });
  }, 120_000);

  afterAll(async () => {
    // Should the test have stopped with the server down, bring it back so the worker can shut down.
    await temporal?.start();
    await stopWorker?.();
    await connection?.close();
    await sut?.close();
    await temporal?.destroy();
  }, 60_000);

  const deliver = async (type: string, object: Record<string, unknown>) => {
    const event = signedStripeEvent(sut, type, object, 'evt_outage');
    const started = Date.now();
    const res = await event.send();
    return { id: event.id, status: res.status, ms: Date.now() - started };
  };

  it('stores and answers every event while Temporal is stopped, and processes each once when it is back', async () => {
    const warmUp = await deliver('payment_intent.succeeded', { id: 'pi_outage_warm_up', object: 'payment_intent' });
    expect(warmUp.status).toBe(200);
    expect(await stripeEventOutcome(sut, warmUp.id)).toMatchObject({ status: 'processed' });

    await temporal.stop();
    const answers = [];
    for (let i = 0; i < EVENTS; i++)
      answers.push(await deliver('payment_intent.succeeded', { id: `pi_outage_${i}`, object: 'payment_intent' }));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    // Each answer is one INSERT: nowhere near a gRPC timeout to a server that is gone.
    expect(answers.filter((a) => a.ms > 1_000)).toEqual([]);
    const ids = answers.map((a) => a.id);
    const waiting: { n: string }[] = await sut.db.query(
      "SELECT COUNT(*) AS n FROM webhook_events WHERE id IN (?) AND status = 'received' AND dispatched_at IS NULL",
      [ids],
    );
    expect(Number(waiting[0].n)).toBe(EVENTS);
    const inbox = await sut
      .http()
      .get('/api/webhook-events/inbox')
      .set('Authorization', `Bearer ${(await sut.admin()).token}`)
      .expect(200);
    expect(inbox.body).toMatchObject({ pending: EVENTS, undispatched: EVENTS });

    await temporal.start();
    await waitUntil(
      'every event stored during the outage to be processed',
      async () => {
        const [row]: { n: string }[] = await sut.db.query(
          "SELECT COUNT(*) AS n FROM webhook_events WHERE id IN (?) AND status = 'processed'",
          [ids],
        );
        return Number(row.n) === EVENTS;
      },
      120_000,
    );
    const rows: { dispatches: number; attempts: number }[] = await sut.db.query(
      'SELECT dispatches, attempts FROM webhook_events WHERE id IN (?)',
      [ids],
    );
    expect(rows.map((r) => [Number(r.dispatches), Number(r.attempts)])).toEqual(ids.map(() => [1, 1]));
    for (const id of ids) expect(await stripeEventOutcome(sut, id)).toMatchObject({ eventId: id, status: 'processed' });
    // One run per batch: the starts tried again and again while Temporal was away joined the batch they claimed.
    const [{ batches }] = await sut.db.query('SELECT COUNT(DISTINCT batch_id) AS batches FROM webhook_events WHERE id IN (?)', [
      [...ids, warmUp.id],
    ]);
    expect(Number(batches)).toBeLessThan(EVENTS);
    const completed = async () => (await client.workflow.count(`WorkflowType = 'stripeEventBatchWorkflow'`)).count;
    await waitUntil('every batch run to be listed', async () => (await completed()) >= Number(batches), 60_000);
    expect(await completed()).toBe(Number(batches));
  }, 300_000);
});
