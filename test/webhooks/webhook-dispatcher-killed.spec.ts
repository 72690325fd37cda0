import type { ChildProcess } from 'node:child_process';
import { Client, Connection } from '@temporalio/client';
import { ensureWebhookDispatcher } from '../../src/webhooks/webhook-dispatcher-workflow';
import { createIsolatedTestApp } from '../support/isolated-database';
import { PrivateTemporal } from '../support/private-temporal';
import { exited, startWorkerProcess, waitUntil } from '../support/processes';
import type { TestApp } from '../support/test-app';

// Twenty batches: the hand-over of a page takes long enough for the kill to land inside it.
const EVENTS = 2000;

/**
 * The sweeping dispatcher's worker is killed outright in the middle of handing over
 * a page of stranded events, and another worker takes the page over: every event is
 * processed once, in one batch, and every batch by one workflow run: none lost and
 * none run twice. On a Temporal server of its own, so its runs are the only ones counted.
 */
describe('webhook dispatcher surviving a worker killed with SIGKILL', () => {
  let temporal: PrivateTemporal;
  let sut: TestApp;
  let connection: Connection;
  let client: Client;
  let worker: ChildProcess | null = null;

  beforeAll(async () => {
    temporal = await PrivateTemporal.create({ persistent: false });
    sut = await createIsolatedTestApp({ TEMPORAL_ADDRESS: temporal.address });
    connection = await Connection.connect({ address: temporal.address });
    client = new Client({ connection, namespace: sut.config.TEMPORAL_NAMESPACE });
  }, 120_000);

  afterAll(async () => {
    if (worker) {
      worker.kill('SIGKILL');
      await exited(worker);
    }
    await connection?.close();
    await sut?.close();
    await temporal?.destroy();
  }, 60_000);

  const workerEnv = () => ({
    DATABASE_URL: sut.config.DATABASE_URL,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: sut.config.TEMPORAL_NAMESPACE,
    TEMPORAL_TASK_QUEUE: sut.config.TEMPORAL_TASK_QUEUE,
    NODE_ENV: 'test',
  });
  const count = async (where: string) => Number((await sut.db.query(`SELECT COUNT(*) AS n FROM webhook_events WHERE ${where}`))[0].n);

  it('hands every stranded event over once, through a kill', async () => {
    // As API processes that died after answering leave them: stored a minute ago, never handed over.
    const rows = Array.from({ length: EVENTS }, (_, i) => [`evt_killed_${i}`, `pi_killed_${i}`]);
    await sut.db.query(
      `INSERT INTO webhook_events (id, provider, type, object_id, event_created_at, payload, received_at)
       SELECT x.id, 'stripe', 'payment_intent.succeeded', x.object_id, NOW(3), '{}', NOW(3) - INTERVAL 60 SECOND
         FROM JSON_TABLE(?, '$[*]' COLUMNS (id VARCHAR(64) PATH '$[0]', object_id VARCHAR(64) PATH '$[1]')) x`,
      [JSON.stringify(rows)],
    );
    expect(await count("status = 'received' AND dispatched_at IS NULL")).toBe(EVENTS);

    // The sweeper first, quick; the worker's own start-up finds it running and keeps it.
    await ensureWebhookDispatcher(client, sut.config, { everySeconds: 1, graceSeconds: 1 });
    worker = await startWorkerProcess(workerEnv());
    await waitUntil('the dispatcher to hand a few events over', async () => (await count('batch_id IS NOT NULL')) >= 100, 60_000);
    worker.kill('SIGKILL');
    await exited(worker);
    const beforeRestart = await count('dispatched_at IS NOT NULL');
    worker = await startWorkerProcess(workerEnv());

    await waitUntil('every event to be processed', async () => (await count("status = 'processed'")) === EVENTS, 240_000);
    // The kill landed inside the hand-over, not after it.
    expect(beforeRestart).toBeLessThan(EVENTS);
    expect(await count('dispatches <> 1 OR attempts <> 1 OR batch_id IS NULL')).toBe(0);
    const [{ batches }] = await sut.db.query('SELECT COUNT(DISTINCT batch_id) AS batches FROM webhook_events');
    expect(Number(batches)).toBeGreaterThanOrEqual(EVENTS / 100);
    // Exactly one run per batch: none lost, none started twice. A run completes a moment after it marks
    // its events, and Temporal's list trails that, so the count is waited for before it is compared.
    const completed = async () =>
      (await client.workflow.count(`WorkflowType = 'stripeEventBatchWorkflow' AND ExecutionStatus = 'Completed'`)).count;
    await waitUntil('every batch run to be listed as completed', async () => (await completed()) >= Number(batches), 60_000);
    expect(await completed()).toBe(Number(batches));
    expect((await client.workflow.count(`WorkflowType = 'stripeEventBatchWorkflow'`)).count).toBe(Number(batches));
  }, 360_000);
});
