import { Client, Connection } from '@temporalio/client';
import { Permission } from '../../src/auth/permission';
import { stripeEventBatchWorkflow } from '../../workflows/stripe-event-batch.workflow';
import { webhookDispatcherPassesQuery, workflowIds } from '../../workflows/shared';
import { ensureWebhookDispatcher } from '../../src/webhooks/webhook-dispatcher-workflow';
import { createIsolatedTestApp } from '../support/isolated-database';
import { waitUntil } from '../support/processes';
import { signedStripeEvent, stripeEventOutcome } from '../support/stripe-events';
import type { TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

/**
 * What operators see of the webhook inbox and what they may do with it: the events
 * and their way through, the pending figures (also scraped as metrics), and handing
 * an event whose workflow was terminated to processing again. On a database of its
 * own, since the figures count every event.
 */
describe('the webhook inbox', () => {
  let sut: TestApp;
  let stopWorker: () => Promise<void>;
  let connection: Connection;
  let client: Client;
  let auth: { Authorization: string };

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    ({ stop: stopWorker } = await startTestWorker(sut));
    connection = await Connection.connect({ address: sut.config.TEMPORAL_ADDRESS });
    client = new Client({ connection, namespace: sut.config.TEMPORAL_NAMESPACE });
    auth = { Authorization: `Bearer ${(await sut.admin()).token}` };
  }, 120_000);
  afterAll(async () => {
    await stopWorker?.();
    await connection?.close();
    await sut?.close();
  });

  const deliver = async (type: string, object: Record<string, unknown>) => {
    const event = signedStripeEvent(sut, type, object, 'evt_inbox');
    await event.send().expect(200);
    return event.id;
  };
  const actions = async (id: string) =>
    Number(
      (await sut.db.query("SELECT COUNT(*) AS n FROM action_history WHERE entity_type = 'webhook_event' AND entity_id = ?", [id]))[0].n,
    );

  it('lists events with their way through, and refuses to hand over one already settled', async () => {
    const ignored = await deliver('customer.created', { id: 'cus_inbox', object: 'customer' });
    const handled = await deliver('payment_intent.succeeded', { id: 'pi_inbox_not_ours', object: 'payment_intent' });
    expect(await stripeEventOutcome(sut, handled)).toMatchObject({ status: 'processed' });

    const listed = await sut.http().get('/api/webhook-events').set(auth).expect(200);
    expect(listed.body.map((e: { id: string }) => e.id)).toEqual([handled, ignored]);
    expect(listed.body[1]).toMatchObject({
      type: 'customer.created',
      status: 'ignored',
      outcome: 'not handled',
      dispatchedAt: null,
      dispatches: 0,
    });
    await waitUntil(
      'the handled event to be marked',
      async () => (await sut.http().get(`/api/webhook-events/${handled}`).set(auth)).body.status === 'processed',
    );
    const processed = (await sut.http().get(`/api/webhook-events/${handled}`).set(auth).expect(200)).body;
    expect(processed).toMatchObject({ status: 'processed', outcome: 'unknown', dispatches: 1, deliveries: 1, attempts: 1 });
    expect(processed.batchId).toMatch(/^stripe-events\/evt_inbox_/);
    expect(Date.parse(processed.dispatchedAt)).toBeGreaterThanOrEqual(Date.parse(processed.receivedAt));
    const onlyIgnored = await sut
      .http()
      .get(`/api/webhook-events?filter=${encodeURIComponent(JSON.stringify({ status: 'ignored' }))}`)
      .set(auth);
    expect(onlyIgnored.body.map((e: { id: string }) => e.id)).toEqual([ignored]);

    for (const id of [ignored, handled]) {
      const refused = await sut.http().post(`/api/webhook-events/${id}/redispatch`).set(auth).expect(409);
      expect(refused.body.code).toBe('webhook_event_settled');
      expect(await actions(id)).toBe(0);
    }
    await sut.http().post('/api/webhook-events/evt_nobody/redispatch').set(auth).expect(404);
    const badStatus = await sut
      .http()
      .get(`/api/webhook-events?filter=${encodeURIComponent(JSON.stringify({ status: 'lost' }))}`)
      .set(auth)
      .expect(400);
    expect(JSON.stringify(badStatus.body)).toContain('status');
  });

  it('counts what waits, in the API and the metrics, and hands a terminated event to processing again', async () => {
    // An event whose batch went to a queue no worker polls and was then terminated by hand: stored, handed over once, never processed.
    const id = `evt_inbox_stuck_${Date.now()}`;
    const batchId = workflowIds.stripeEventBatch(id);
    await sut.db.query(
      `INSERT INTO webhook_events (id, provider, type, object_id, event_created_at, payload, received_at, batch_id, claimed_at, dispatched_at, dispatches)
       VALUES (?, 'stripe', 'payment_intent.succeeded', 'pi_inbox_stuck', NOW(3), '{}', NOW(3) - INTERVAL 90 SECOND, ?,
               NOW(3) - INTERVAL 89 SECOND, NOW(3) - INTERVAL 89 SECOND, 1)`,
      [id, batchId],
    );
    const stuck = await client.workflow.start(stripeEventBatchWorkflow, {
      taskQueue: `${sut.config.TEMPORAL_TASK_QUEUE}-nobody`,
      workflowId: batchId,
      args: [{ batchId }],
    });
    await stuck.terminate('an operator gave up on it');

    const figures = (await sut.http().get('/api/webhook-events/inbox').set(auth).expect(200)).body;
    expect(figures.pending).toBe(1);
    expect(figures.undispatched).toBe(0);
    expect(figures.oldestPendingSeconds).toBeGreaterThanOrEqual(89);
    const scraper = await sut.userWith([Permission.SystemMetrics]);
    const metrics = (await sut.http().get('/api/metrics').set('Authorization', `Bearer ${scraper.token}`).expect(200)).text;
    expect(metrics).toMatch(/^backhaul_webhook_inbox_pending 1$/m);
    const oldest = Number(/^backhaul_webhook_inbox_oldest_pending_seconds (\d+)/m.exec(metrics)?.[1]);
    expect(oldest).toBeGreaterThanOrEqual(89);

    const reader = await sut.userWith([Permission.WebhooksRead]);
    await sut.http().post(`/api/webhook-events/${id}/redispatch`).set('Authorization', `Bearer ${reader.token}`).expect(403);
    await sut.http().get('/api/webhook-events').expect(401);
    const billing = await sut.userWith([Permission.BillingRead]);
    await sut.http().get('/api/webhook-events').set('Authorization', `Bearer ${billing.token}`).expect(403);

    await sut.http().post(`/api/webhook-events/${id}/redispatch`).set(auth).expect(201);
    await waitUntil(
      'the handed-over event to be processed',
      async () => (await sut.http().get(`/api/webhook-events/${id}`).set(auth)).body.status === 'processed',
    );
    const done = (await sut.http().get(`/api/webhook-events/${id}`).set(auth)).body;
    expect(done).toMatchObject({ status: 'processed', dispatches: 2, attempts: 1, batchId });
    // The batch's name is taken again by a new run; the terminated one stays in the history beside it.
    const runs = await client.workflow.count(`WorkflowId = '${batchId}'`);
    expect(runs.count).toBe(2);
    expect(await actions(id)).toBe(1);
    const history = await sut
      .http()
      .get(`/api/action-history?filter=${encodeURIComponent(JSON.stringify({ kind: 'webhook_event.redispatch' }))}`)
      .set(auth)
      .expect(200);
    expect(history.body[0].summary).toBe(`Processor event ${id} handed to processing again`);
    expect((await sut.http().get('/api/webhook-events/inbox').set(auth)).body).toEqual({
      pending: 0,
      undispatched: 0,
      oldestPendingSeconds: 0,
    });
  });

  it('hands over, through the sweeping dispatcher, events stored by an API that died before handing them over', async () => {
    // As an API process leaves them when it dies between its answer and the hand-over: stored, never handed over.
    const ids = [60, 50, 40].map((age) => ({ id: `evt_inbox_orphan_${age}_${Date.now()}`, age }));
    for (const { id, age } of ids) {
      await sut.db.query(
        `INSERT INTO webhook_events (id, provider, type, object_id, event_created_at, payload, received_at)
         VALUES (?, 'stripe', 'payment_intent.succeeded', ?, NOW(3), '{}', NOW(3) - INTERVAL ? SECOND)`,
        [id, `pi_orphan_${age}`, age],
      );
    }
    expect((await sut.http().get('/api/webhook-events/inbox').set(auth)).body).toMatchObject({ pending: 3, undispatched: 3 });
    const { workflowId } = await ensureWebhookDispatcher(client, sut.config, { everySeconds: 1, graceSeconds: 5 });
    // Set-up and every worker start call it again: the one running is kept.
    expect((await ensureWebhookDispatcher(client, sut.config, { everySeconds: 1, graceSeconds: 5 })).workflowId).toBe(workflowId);
    const dispatcher = client.workflow.getHandle(workflowId);
    await waitUntil('the orphaned events to be processed', async () => {
      const [row]: { n: string }[] = await sut.db.query(
        "SELECT COUNT(*) AS n FROM webhook_events WHERE id IN (?) AND status = 'processed'",
        [ids.map((e) => e.id)],
      );
      return Number(row.n) === ids.length;
    });
    for (const { id } of ids) expect(await stripeEventOutcome(sut, id)).toMatchObject({ eventId: id, status: 'processed' });
    const rows: { dispatches: number }[] = await sut.db.query('SELECT dispatches FROM webhook_events WHERE id IN (?)', [
      ids.map((e) => e.id),
    ]);
    expect(rows.map((r) => Number(r.dispatches))).toEqual([1, 1, 1]);
    expect(await dispatcher.query(webhookDispatcherPassesQuery)).toBeGreaterThanOrEqual(1);
    const runs = await client.workflow.count(`WorkflowId = '${workflowId}'`);
    expect(runs.count).toBe(1);
    await dispatcher.terminate('the test is over');
  });
});
