import type { ChildProcess } from 'node:child_process';
import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import { exited, startWorkerProcess, waitUntil } from '../support/processes';
import { RadiusLab, startRadiusLab } from '../support/radius-lab';
import type { TestApp } from '../support/test-app';

const ACCOUNTS = 40;

/**
 * The worker applying the accounts' network changes is killed outright while passes are in
 * flight, and another worker takes over: every change is applied, each login and address lands on
 * FreeRADIUS exactly once, and nothing is left pending.
 */
describe('network provisioning surviving a worker killed with SIGKILL', () => {
  let lab: RadiusLab;
  let sut: TestApp;
  let worker: ChildProcess | null = null;
  let token: string;
  const auth = <T extends { auth: (t: string, o: { type: 'bearer' }) => T }>(req: T) => req.auth(token, { type: 'bearer' });
  const pending = async () => Number((await sut.db.query('SELECT COUNT(*) AS n FROM network_sync_requests WHERE applied_at IS NULL'))[0].n);

  beforeAll(async () => {
    lab = await startRadiusLab();
    sut = await createIsolatedTestApp({ ...lab.config, NETWORK_SYNC_RETRY_CEILING: '2s', NETWORK_SYNC_IDLE: '1m' });
    token = (await sut.admin()).token;
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
    NETWORK_SYNC_RETRY_CEILING: '2s',
    NETWORK_SYNC_IDLE: '1m',
    NODE_ENV: 'test',
    ...lab.config,
  });

  it('applies every change once, through a kill', async () => {
    const supernet = (await auth(sut.http().post('/api/ip-supernets')).send({ name: 'Kill', network: '100.71.0.0/16' }).expect(201)).body;
    const subnet = (
      await auth(sut.http().post('/api/ip-subnets')).send({ supernetId: supernet.id, name: 'S', network: '100.71.0.0/24' }).expect(201)
    ).body;
    const pool = (
      await auth(sut.http().post('/api/ip-pools'))
        .send({ subnetId: subnet.id, name: 'P', firstAddress: '100.71.0.10', lastAddress: '100.71.0.250' })
        .expect(201)
    ).body;
    // Made while no worker runs: every account's run waits in Temporal with its changes.
    const expected = new Map<string, string>();
    for (let i = 0; i < ACCOUNTS; i++) {
      const accountId = await insertAccount(sut.db);
      const login = (
        await auth(sut.http().post(`/api/accounts/${accountId}/radius-accounts`))
          .send({ username: `kill-${i}`, password: `kill-pass-${i}` })
          .expect(201)
      ).body;
      const assignment = (
        await auth(sut.http().post(`/api/accounts/${accountId}/ip-assignments`))
          .send({ assignee: 'radius_account', radiusAccountId: login.id, poolId: pool.id })
          .expect(201)
      ).body;
      expected.set(`kill-${i}`, assignment.address);
    }
    expect(await pending()).toBe(ACCOUNTS * 2);

    worker = await startWorkerProcess(workerEnv());
    await waitUntil('some passes to be applied', async () => (await pending()) < ACCOUNTS * 2, 60_000);
    worker.kill('SIGKILL');
    await exited(worker);
    const leftAtKill = await pending();
    worker = await startWorkerProcess(workerEnv());
    await waitUntil('every change to be applied', async () => (await pending()) === 0, 120_000);

    expect(leftAtKill).toBeGreaterThan(0);
    const checks = await lab.rows("SELECT username, COUNT(*) AS n FROM radcheck WHERE username LIKE 'kill-%' GROUP BY username");
    const replies = await lab.rows("SELECT username, value FROM radreply WHERE username LIKE 'kill-%' ORDER BY username");
    expect(checks).toHaveLength(ACCOUNTS);
    expect(checks.every((c) => Number(c.n) === 1)).toBe(true);
    expect(new Map(replies.map((r) => [r.username as string, r.value as string]))).toEqual(expected);
    expect(replies).toHaveLength(ACCOUNTS);
    expect((await lab.radtest('kill-7', 'kill-pass-7')).output).toContain(`Framed-IP-Address = ${expected.get('kill-7')}`);
  }, 300_000);
});
