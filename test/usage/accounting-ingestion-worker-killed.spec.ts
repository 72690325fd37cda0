import type { ChildProcess } from 'node:child_process';
import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import { exited, startWorkerProcess, waitUntil } from '../support/processes';
import { RadiusLab, startRadiusLab } from '../support/radius-lab';
import type { TestApp } from '../support/test-app';
import { AccountingIngestionService } from '../../src/usage/accounting-ingestion.service';

const SESSIONS = 40;
const INTERIMS = 100;
const STEP = 1_000_003n;

/**
 * The worker reading accounting into usage is killed outright with thousands of events still to
 * read, and another worker takes over: each session's usage comes out exactly as its packets say,
 * nothing lost and nothing counted twice.
 */
describe('accounting ingestion surviving a worker killed with SIGKILL', () => {
  let lab: RadiusLab;
  let sut: TestApp;
  let worker: ChildProcess | null = null;
  const accounts: number[] = [];

  beforeAll(async () => {
    lab = await startRadiusLab();
    sut = await createIsolatedTestApp({ ...lab.config });
    const token = (await sut.admin()).token;
    for (let i = 0; i < SESSIONS; i++) {
      const accountId = await insertAccount(sut.db);
      accounts.push(accountId);
      await sut
        .http()
        .post(`/api/accounts/${accountId}/radius-accounts`)
        .auth(token, { type: 'bearer' })
        .send({ username: `kill-${i}`, password: `kill-pass-${i}` })
        .expect(201);
    }
    // The triggers, as a worker starting up puts them in; the log is empty yet.
    await sut.app.get(AccountingIngestionService).ingestBatch({ settleSeconds: 0 });
  }, 120_000);

  afterAll(async () => {
    if (worker) {
      worker.kill('SIGKILL');
      await exited(worker);
    }
    await sut?.close();
    await lab?.close();
  }, 60_000);

  const workerEnv = () => ({
    DATABASE_URL: sut.config.DATABASE_URL,
    TEMPORAL_ADDRESS: sut.config.TEMPORAL_ADDRESS,
    TEMPORAL_NAMESPACE: sut.config.TEMPORAL_NAMESPACE,
    TEMPORAL_TASK_QUEUE: sut.config.TEMPORAL_TASK_QUEUE,
    NODE_ENV: 'test',
    ...lab.config,
  });
  const cursor = async () => Number((await sut.db.query('SELECT last_event_id FROM usage_ingestion WHERE id = 1'))[0].last_event_id);

  it('counts every session exactly once through a kill', async () => {
    const start = Math.floor(Date.now() / 1000) - 3600;
    const packets = [];
    // Interleaved sessions, each growing by STEP a packet in both directions, then a Stop.
    for (let n = 1; n <= INTERIMS + 1; n++) {
      for (let i = 0; i < SESSIONS; i++) {
        const total = STEP * BigInt(n);
        packets.push({
          'User-Name': `kill-${i}`,
          'Acct-Status-Type': n <= INTERIMS ? 'Interim-Update' : 'Stop',
          'Acct-Session-Id': `k${i}`,
          'NAS-IP-Address': '127.0.0.1',
          'NAS-Port': i,
          'Event-Timestamp': start + n * 30,
          'Acct-Input-Octets': Number(total),
          'Acct-Output-Octets': Number(total * 2n),
          'Acct-Session-Time': n * 30,
        });
      }
    }
    await lab.account(packets);
    const [{ last }] = await lab.rows('SELECT MAX(id) AS last FROM backhaul_accounting_events');

    worker = await startWorkerProcess(workerEnv());
    await waitUntil('the ingestion to have counted a first batch', async () => (await cursor()) > 0, 60_000);
    worker.kill('SIGKILL');
    await exited(worker);
    const whenKilled = await cursor();
    expect(whenKilled).toBeLessThan(Number(last));

    worker = await startWorkerProcess(workerEnv());
    await waitUntil('the ingestion to have counted every event', async () => (await cursor()) === Number(last), 150_000);

    const totals: { account_id: number; up: string; down: string }[] = await sut.db.query(
      'SELECT account_id, SUM(upload_octets) AS up, SUM(download_octets) AS down FROM usage_hours GROUP BY account_id ORDER BY account_id',
    );
    const final = STEP * BigInt(INTERIMS + 1);
    expect(totals.map((t) => [Number(t.account_id), BigInt(t.up), BigInt(t.down)])).toEqual(
      accounts.map((accountId) => [accountId, final, final * 2n]),
    );
  }, 300_000);
});
