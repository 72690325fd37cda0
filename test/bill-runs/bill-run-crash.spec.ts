import type { ChildProcess } from 'node:child_process';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { billRunProgressQuery } from '../../workflows/shared';
import { InvariantCheckerService } from '../../src/billing/invariant-checker.service';
import { BillingPopulation, populateBillableAccounts } from '../../src/demo/billing-population';
import { createIsolatedTestApp } from '../support/isolated-database';
import { exited, startWorkerProcess, waitUntil } from '../support/processes';
import type { TestApp } from '../support/test-app';

const DATE = '2026-10-01';
const ACCOUNTS = 10_000;

/**
 * Two worker processes share one 10,000-account bill run, each taking batches,
 * the run keeping two batches in flight per worker. Workers are killed outright
 * three times in the middle of it: twice one comes back, the third time it does
 * not and the survivor finishes alone. Every account ends with exactly one
 * invoice and the books balance.
 */
describe('bill run shared by two workers, surviving workers killed with SIGKILL', () => {
  let sut: TestApp;
  let connection: Connection;
  let client: Client;
  let population: BillingPopulation;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    // Small batches, so the run is many activities long and a kill lands inside one.
    sut = await createIsolatedTestApp({ BILL_RUN_BATCH_SIZE: '80' });
    population = await populateBillableAccounts(sut.db, { accounts: ACCOUNTS, billingDate: DATE });
    connection = await Connection.connect({ address: sut.config.TEMPORAL_ADDRESS });
    client = new Client({ connection, namespace: sut.config.TEMPORAL_NAMESPACE });
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers) {
      worker.kill('SIGKILL');
      await exited(worker);
    }
    await connection?.close();
    await sut?.close();
  });

  const workerEnv = () => ({
    DATABASE_URL: sut.config.DATABASE_URL,
    TEMPORAL_ADDRESS: sut.config.TEMPORAL_ADDRESS,
    TEMPORAL_NAMESPACE: sut.config.TEMPORAL_NAMESPACE,
    TEMPORAL_TASK_QUEUE: sut.config.TEMPORAL_TASK_QUEUE,
    NODE_ENV: 'test',
  });
  const batchesDone = async () => Number((await sut.db.query('SELECT COUNT(*) AS n FROM bill_run_batches'))[0].n);
  const pollers = async () => {
    const res = await client.workflowService.describeTaskQueue({
      namespace: sut.config.TEMPORAL_NAMESPACE,
      taskQueue: { name: sut.config.TEMPORAL_TASK_QUEUE, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
    });
    return new Set((res.pollers ?? []).map((p) => p.identity)).size;
  };
  const kill = async (worker: ChildProcess) => {
    worker.kill('SIGKILL');
    await exited(worker);
    return `${worker.pid}@`;
  };

  it('invoices every account exactly once with the books balanced', async () => {
    workers.push(await startWorkerProcess(workerEnv()), await startWorkerProcess(workerEnv()));
    await waitUntil('both workers polling for activities', async () => (await pollers()) === 2);
    const admin = await sut.admin();
    const started = await sut.http().post('/api/bill-runs').auth(admin.token, { type: 'bearer' }).send({ date: DATE }).expect(202);
    const handle = client.workflow.getHandle(started.body.workflowId);
    // Two workers polling: the run keeps four batches in flight, two for each.
    await waitUntil('the run to count its workers', async () => (await handle.query(billRunProgressQuery)).lanes !== undefined);
    expect((await handle.query(billRunProgressQuery)).lanes).toBe(4);

    // 10,000 accounts in batches of 80 is 125 batches; kill early and in the middle, each worker once, and bring it back.
    const killed: string[] = [];
    for (const [after, which] of [
      [8, 0],
      [45, 1],
    ]) {
      await waitUntil(`${after} batches`, async () => (await batchesDone()) >= after, 180_000);
      killed.push(await kill(workers[which]));
      workers[which] = await startWorkerProcess(workerEnv());
    }
    // Late in the run one worker dies for good; the other finishes.
    await waitUntil('90 batches', async () => (await batchesDone()) >= 90, 180_000);
    killed.push(await kill(workers[0]));
    const survivor = `${workers[1].pid}@`;
    workers.splice(0, 1);
    const result = await handle.result();
    expect(result).toMatchObject({ accounts: ACCOUNTS, invoices: ACCOUNTS, failures: 0, parked: 0, done: true });

    const [counts] = await sut.db.query(
      `SELECT
         (SELECT COUNT(*) FROM accounts a WHERE a.id BETWEEN ? AND ?
            AND (SELECT COUNT(*) FROM invoices i WHERE i.account_id = a.id AND i.generated_for = ?) <> 1) AS not_once,
         (SELECT COUNT(*) FROM invoices WHERE generated_for = ?) AS invoices,
         (SELECT COUNT(*) FROM transactions WHERE kind = 'debit' AND transaction_date = ?) AS charges,
         (SELECT COUNT(*) FROM (SELECT account_service_id FROM transactions WHERE kind = 'debit' AND transaction_date = ?
            GROUP BY account_service_id HAVING COUNT(*) > 1) x) AS charged_twice,
         (SELECT COUNT(*) FROM invoices WHERE generated_for = ? AND parent_invoice_id IS NOT NULL) AS linked_children`,
      [population.firstAccountId, population.lastAccountId, DATE, DATE, DATE, DATE, DATE],
    );
    expect({
      notOnce: Number(counts.not_once),
      invoices: Number(counts.invoices),
      charges: Number(counts.charges),
      chargedTwice: Number(counts.charged_twice),
      linkedChildren: Number(counts.linked_children),
    }).toEqual({ notOnce: 0, invoices: ACCOUNTS, charges: 3 * ACCOUNTS, chargedTwice: 0, linkedChildren: ACCOUNTS / 10 });

    // Every process took batches: both first workers, the one brought back, and the survivor.
    const shares: { worker: string; batches: number }[] = await sut.db.query(
      'SELECT worker, COUNT(*) AS batches FROM bill_run_batches GROUP BY worker',
    );
    for (const name of [...killed, survivor]) {
      expect(shares.find((s) => s.worker.startsWith(name))?.batches ?? 0).toBeGreaterThan(0);
    }

    const books = await sut.app.get(InvariantCheckerService).check(DATE);
    expect(books.mismatches).toEqual([]);
    expect(books.accounts).toBe(ACCOUNTS);

    // The kills interrupted work in flight: some batch had to be retried after its worker vanished.
    let retried = 0;
    for await (const run of client.workflow.list({ query: `WorkflowId = '${started.body.workflowId}'` })) {
      const history = await client.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
      retried += (history.events ?? []).filter((e) => Number(e.activityTaskStartedEventAttributes?.attempt ?? 1) > 1).length;
    }
    expect(retried).toBeGreaterThanOrEqual(1);
  }, 600_000);
});
