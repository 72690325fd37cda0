import { Permission } from '../../src/auth/permission';
import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import { waitUntil } from '../support/processes';
import { RadiusLab, startRadiusLab } from '../support/radius-lab';
import type { TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

/**
 * The account's network status as the Network & Inventory tab shows it, against a real FreeRADIUS:
 * in step once a change is applied; waiting for FreeRADIUS, with its reason, while it is down; a
 * change nobody handed to Temporal shown as not started until Sync now hands it over.
 */
describe('whether the network is in step with an account', () => {
  let lab: RadiusLab;
  let sut: TestApp;
  let stopWorker: () => Promise<void>;
  let token: string;
  let poolId: number;
  const auth = <T extends { auth: (t: string, o: { type: 'bearer' }) => T }>(req: T) => req.auth(token, { type: 'bearer' });
  const statusOf = async (accountId: number) => (await auth(sut.http().get(`/api/accounts/${accountId}/network-status`)).expect(200)).body;
  const reaches = (accountId: number, state: string) =>
    waitUntil(`account ${accountId}'s network status to be ${state}`, async () => (await statusOf(accountId)).state === state, 30_000);

  beforeAll(async () => {
    lab = await startRadiusLab();
    sut = await createIsolatedTestApp({ ...lab.config, NETWORK_SYNC_RETRY_CEILING: '2s', NETWORK_SYNC_IDLE: '1m' });
    ({ stop: stopWorker } = await startTestWorker(sut));
    token = (await sut.admin()).token;
    const supernet = (await auth(sut.http().post('/api/ip-supernets')).send({ name: 'Status', network: '100.71.0.0/16' }).expect(201)).body;
    const subnet = (
      await auth(sut.http().post('/api/ip-subnets')).send({ supernetId: supernet.id, name: 'S', network: '100.71.0.0/24' }).expect(201)
    ).body;
    poolId = (
      await auth(sut.http().post('/api/ip-pools'))
        .send({ subnetId: subnet.id, name: 'P', firstAddress: '100.71.0.10', lastAddress: '100.71.0.99' })
        .expect(201)
    ).body.id;
  }, 120_000);

  afterAll(async () => {
    await stopWorker?.();
    await sut?.close();
    await lab?.close();
  });

  it('is in step after a change is applied, and says it waits for FreeRADIUS, and why, while FreeRADIUS is down', async () => {
    const accountId = await insertAccount(sut.db);
    const before = await statusOf(accountId);
    expect(before).toMatchObject({ accountId, state: 'in_step', pendingCount: 0, pending: [], lastApplied: null });
    expect(before.run).toMatchObject({ state: 'idle', workflowId: `network-sync/${accountId}`, failure: null });

    const radius = (
      await auth(sut.http().post(`/api/accounts/${accountId}/radius-accounts`))
        .send({ username: 'fran', password: 'fran-pass-123' })
        .expect(201)
    ).body;
    await reaches(accountId, 'in_step');
    const applied = await statusOf(accountId);
    expect(applied.lastApplied).toMatchObject({ reason: 'radius_account.create', description: 'RADIUS account added' });
    expect(applied.run).toMatchObject({ state: 'running', passes: 1, failure: null });

    await lab.server.stop();
    try {
      await auth(sut.http().post(`/api/accounts/${accountId}/ip-assignments`))
        .send({ assignee: 'radius_account', radiusAccountId: radius.id, poolId })
        .expect(201);
      await waitUntil(
        'the pass to have been tried twice',
        async () => {
          const status = await statusOf(accountId);
          return status.state === 'waiting_for_server' && status.run.attempt >= 2;
        },
        30_000,
      );
      const waiting = await statusOf(accountId);
      expect(waiting).toMatchObject({
        pendingCount: 1,
        pending: [{ reason: 'ip_assignment.create', description: 'IP address assigned', requestedAt: expect.any(String) }],
        lastApplied: { reason: 'radius_account.create' },
        run: { state: 'running', applying: expect.arrayContaining(['ip_assignment.create']), waitingFor: 'FreeRADIUS' },
      });
      expect(waiting.run.failure).toMatch(/^The RADIUS server at \S+ did not answer Status-Server/);
      expect(Date.parse(waiting.run.nextAttemptAt)).toBeGreaterThan(Date.parse(waiting.pending[0].requestedAt));
    } finally {
      await lab.server.restart();
    }
    await reaches(accountId, 'in_step');
    expect((await statusOf(accountId)).lastApplied).toMatchObject({ reason: 'ip_assignment.create', appliedAt: expect.any(String) });
  }, 90_000);

  it('shows a change no run took as not started, until Sync now hands it over', async () => {
    const accountId = await insertAccount(sut.db);
    // As a change committed while Temporal was unreachable leaves it: in the outbox, with no run woken.
    await sut.db.query(
      "INSERT INTO network_sync_requests (account_id, reason, requested_at) VALUES (?, 'account_service.add', NOW(3) - INTERVAL 1 MINUTE)",
      [accountId],
    );
    expect(await statusOf(accountId)).toMatchObject({
      state: 'not_started',
      pendingCount: 1,
      pending: [{ reason: 'account_service.add', description: 'Service added' }],
      run: { state: 'idle' },
    });

    const reader = await sut.userWith([Permission.NetworkRead]);
    await sut.http().post(`/api/accounts/${accountId}/network-sync`).auth(reader.token, { type: 'bearer' }).expect(403);
    const kicked = (await auth(sut.http().post(`/api/accounts/${accountId}/network-sync`)).expect(202)).body;
    expect(kicked.run.workflowId).toBe(`network-sync/${accountId}`);
    await reaches(accountId, 'in_step');
    expect((await statusOf(accountId)).lastApplied).toMatchObject({ reason: 'account_service.add' });
  }, 60_000);

  it('refuses an account that does not exist, a malformed id and a staff member without network.read', async () => {
    const missing = await auth(sut.http().get('/api/accounts/999999999/network-status')).expect(404);
    expect(missing.body.message).toBe('Account 999999999 does not exist');
    await auth(sut.http().get('/api/accounts/forty-two/network-status')).expect(400);
    const clerk = await sut.userWith([Permission.AccountsRead]);
    const accountId = await insertAccount(sut.db);
    await sut.http().get(`/api/accounts/${accountId}/network-status`).auth(clerk.token, { type: 'bearer' }).expect(403);
  });
});
