import { Client, Connection } from '@temporalio/client';
import { billRunProgressQuery } from '../../workflows/shared';
import { InvariantCheckerService } from '../../src/billing/invariant-checker.service';
import { BillingPopulation, populateBillableAccounts } from '../../src/demo/billing-population';
import { createIsolatedTestApp } from '../support/isolated-database';
import { PrivateMariaDb } from '../support/private-mariadb';
import { waitUntil } from '../support/processes';
import type { TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

const DATE = '2026-11-01';
const ACCOUNTS = 10_000;
const OUTAGE_MS = 30_000;

/**
 * MariaDB stops for thirty seconds in the middle of a 10,000-account bill run:
 * the run waits without giving up on any account, resumes when the database is
 * back, and finishes with every account invoiced once.
 */
describe('bill run through a database outage', () => {
  let mariadb: PrivateMariaDb;
  let sut: TestApp;
  let stopWorker: () => Promise<void>;
  let connection: Connection;
  let client: Client;
  let population: BillingPopulation;

  beforeAll(async () => {
    mariadb = await PrivateMariaDb.create();
    sut = await createIsolatedTestApp({ BILL_RUN_BATCH_SIZE: '100' }, { serverUrl: mariadb.url });
    population = await populateBillableAccounts(sut.db, { accounts: ACCOUNTS, billingDate: DATE });
    ({ stop: stopWorker } = await startTestWorker(sut));
    connection = await Connection.connect({ address: sut.config.TEMPORAL_ADDRESS });
    client = new Client({ connection, namespace: sut.config.TEMPORAL_NAMESPACE });
  }, 120_000);

  afterAll(async () => {
    await stopWorker?.();
    await connection?.close();
    // Should the test have stopped midway with the server down, bring it back so the app can close its pool.
    await mariadb?.start().catch(() => undefined);
    await sut?.close();
    await mariadb?.destroy();
  });

  it('waits while the database is away, then finishes with every account invoiced once', async () => {
    const admin = await sut.admin();
    const started = await sut.http().post('/api/bill-runs').auth(admin.token, { type: 'bearer' }).send({ date: DATE }).expect(202);
    const handle = client.workflow.getHandle(started.body.workflowId);
    const progress = () => handle.query(billRunProgressQuery);
    // While the run bills at full pace, its in-process worker may be too busy to answer a query in time
    // on a machine loaded by the specs beside this one; the batches it recorded tell the same from the database.
    await waitUntil(
      'ten batches',
      async () => Number((await sut.db.query('SELECT COUNT(*) AS n FROM bill_run_batches'))[0].n) >= 10,
      240_000,
    );

    await mariadb.stop();
    const stoppedAt = Date.now();
    await new Promise((r) => setTimeout(r, 2_000));
    // With the database gone the worker idles, and answers; a query that still came too soon is asked again.
    let during: Awaited<ReturnType<typeof progress>> | null = null;
    await waitUntil('the run to answer how far it got', async () => (during = await progress().catch(() => null)) !== null, 10_000);
    await new Promise((r) => setTimeout(r, OUTAGE_MS - 4_000));
    // Nothing was billed, and nothing was given up on, while the database was gone.
    expect(await progress()).toMatchObject({ batches: during!.batches, accounts: during!.accounts, failures: 0, done: false });
    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt))));
    await mariadb.start();

    const result = await handle.result();
    expect(result).toMatchObject({ accounts: ACCOUNTS, invoices: ACCOUNTS, failures: 0, parked: 0, done: true });
    const [counts] = await sut.db.query(
      `SELECT
         (SELECT COUNT(*) FROM accounts a WHERE a.id BETWEEN ? AND ?
            AND (SELECT COUNT(*) FROM invoices i WHERE i.account_id = a.id AND i.generated_for = ?) <> 1) AS not_once,
         (SELECT COUNT(*) FROM transactions WHERE kind = 'debit' AND transaction_date = ?) AS charges,
         (SELECT COUNT(*) FROM bill_run_failures) AS failures`,
      [population.firstAccountId, population.lastAccountId, DATE, DATE],
    );
    expect({ notOnce: Number(counts.not_once), charges: Number(counts.charges), failures: Number(counts.failures) }).toEqual({
      notOnce: 0,
      charges: 3 * ACCOUNTS,
      failures: 0,
    });
    const books = await sut.app.get(InvariantCheckerService).check(DATE);
    expect(books.mismatches).toEqual([]);
  }, 600_000);
});
