import type { Client } from '@temporalio/client';
import { workflowIds } from '../../workflows/shared';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.tokens';
import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import { waitUntil } from '../support/processes';
import { RadiusLab, startRadiusLab } from '../support/radius-lab';
import type { TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

describe('RADIUS accounts on a real FreeRADIUS, provisioned by the account’s workflow', () => {
  let lab: RadiusLab;
  let sut: TestApp;
  let stopWorker: () => Promise<void>;
  let token: string;
  let poolId: number;
  let routedSubnetId: number;
  let serviceIds: { basic: number; fast: number };
  const auth = <T extends { auth: (t: string, o: { type: 'bearer' }) => T }>(req: T) => req.auth(token, { type: 'bearer' });
  const pending = async (accountId: number) =>
    Number(
      (await sut.db.query('SELECT COUNT(*) AS n FROM network_sync_requests WHERE account_id = ? AND applied_at IS NULL', [accountId]))[0].n,
    );
  const applied = (accountId: number) =>
    waitUntil(`account ${accountId}'s network changes to be applied`, async () => (await pending(accountId)) === 0, 30_000);

  async function subscriber(service: 'basic' | 'fast' = 'basic') {
    const accountId = await insertAccount(sut.db);
    await auth(sut.http().post('/api/account-services')).send({ accountId, serviceId: serviceIds[service] }).expect(201);
    return accountId;
  }

  beforeAll(async () => {
    lab = await startRadiusLab();
    sut = await createIsolatedTestApp({ ...lab.config, NETWORK_SYNC_RETRY_CEILING: '2s', NETWORK_SYNC_IDLE: '1m' });
    ({ stop: stopWorker } = await startTestWorker(sut));
    token = (await sut.admin()).token;
    const supernet = (await auth(sut.http().post('/api/ip-supernets')).send({ name: 'CGNAT', network: '100.65.0.0/16' }).expect(201)).body;
    const subnet = (
      await auth(sut.http().post('/api/ip-subnets'))
        .send({ supernetId: supernet.id, name: 'PPPoE', network: '100.65.0.0/24', gateway: '100.65.0.1' })
        .expect(201)
    ).body;
    poolId = (
      await auth(sut.http().post('/api/ip-pools'))
        .send({ subnetId: subnet.id, name: 'PPPoE pool', firstAddress: '100.65.0.10', lastAddress: '100.65.0.200' })
        .expect(201)
    ).body.id;
    routedSubnetId = (
      await auth(sut.http().post('/api/ip-subnets')).send({ supernetId: supernet.id, name: 'Routed', network: '100.65.8.0/29' }).expect(201)
    ).body.id;
    const service = async (name: string, downloadKbps: number, uploadKbps: number) =>
      (
        await auth(sut.http().post('/api/services'))
          .send({ name, kind: 'data', price: 4999, downloadKbps, uploadKbps, ledgerCode: '4000', taxIds: [] })
          .expect(201)
      ).body.id;
    serviceIds = { basic: await service('Fibre 100', 100_000, 20_000), fast: await service('Fibre 500', 500_000, 100_000) };
  }, 120_000);

  afterAll(async () => {
    await stopWorker?.();
    await sut?.close();
    await lab?.close();
  });

  it('authenticates a RADIUS account made through the API, with its address and speed, and rejects a wrong password', async () => {
    const accountId = await subscriber();
    const radius = (
      await auth(sut.http().post(`/api/accounts/${accountId}/radius-accounts`))
        .send({ username: 'alice', password: 'alice-pass-1' })
        .expect(201)
    ).body;
    expect(JSON.stringify(radius)).not.toContain('alice-pass-1');
    const assignment = (
      await auth(sut.http().post(`/api/accounts/${accountId}/ip-assignments`))
        .send({ assignee: 'radius_account', radiusAccountId: radius.id, poolId })
        .expect(201)
    ).body;
    await applied(accountId);

    const accept = await lab.radtest('alice', 'alice-pass-1');
    expect(accept.accepted).toBe(true);
    expect(accept.output).toContain(`Framed-IP-Address = ${assignment.address}`);
    expect(accept.output).toContain('Mikrotik-Rate-Limit = "20000k/100000k"');
    expect(accept.output).toContain('WISPr-Bandwidth-Max-Down = 100000000');
    expect((await lab.radtest('alice', 'wrong-password')).accepted).toBe(false);

    const listed = (await auth(sut.http().get(`/api/accounts/${accountId}/radius-accounts`)).expect(200)).body;
    expect(listed).toEqual([expect.objectContaining({ username: 'alice', ipAddresses: [assignment.address], speed: '100M/20M' })]);
    const audit = await sut.db.query("SELECT before_state, after_state FROM action_history WHERE entity_type = 'radius_account'");
    expect(JSON.stringify(audit)).not.toContain('alice-pass-1');
  });

  it('routes a subnet to the RADIUS account through its own address, and follows a change of data service', async () => {
    const accountId = await subscriber();
    const radius = (
      await auth(sut.http().post(`/api/accounts/${accountId}/radius-accounts`))
        .send({ username: 'bob', password: 'bob-pass-123' })
        .expect(201)
    ).body;
    const own = (
      await auth(sut.http().post(`/api/accounts/${accountId}/ip-assignments`))
        .send({ assignee: 'radius_account', radiusAccountId: radius.id, poolId })
        .expect(201)
    ).body;
    await auth(sut.http().post(`/api/accounts/${accountId}/ip-assignments`))
      .send({ assignee: 'radius_account', radiusAccountId: radius.id, subnetId: routedSubnetId, wholeSubnet: true })
      .expect(201);
    await applied(accountId);
    expect((await lab.radtest('bob', 'bob-pass-123')).output).toContain(`Framed-Route = "100.65.8.0/29 ${own.address} 1"`);

    const [line] = (
      await auth(sut.http().get('/api/account-services'))
        .query({ filter: JSON.stringify({ accountId }) })
        .expect(200)
    ).body;
    await auth(sut.http().post(`/api/account-services/${line.id}/remove`))
      .send({})
      .expect(200);
    await auth(sut.http().post('/api/account-services')).send({ accountId, serviceId: serviceIds.fast }).expect(201);
    await applied(accountId);
    const faster = await lab.radtest('bob', 'bob-pass-123');
    expect(faster.output).toContain('Mikrotik-Rate-Limit = "100000k/500000k"');
    expect(faster.output).not.toContain('20000k/100000k');
  });

  it('rejects a deleted RADIUS account and refuses a duplicate username with a 409, writing nothing', async () => {
    const accountId = await subscriber();
    const radius = (
      await auth(sut.http().post(`/api/accounts/${accountId}/radius-accounts`))
        .send({ username: 'carol', password: 'carol-pass-1' })
        .expect(201)
    ).body;
    await applied(accountId);
    expect((await lab.radtest('carol', 'carol-pass-1')).accepted).toBe(true);
    const duplicate = await auth(sut.http().post(`/api/accounts/${accountId}/radius-accounts`))
      .send({ username: 'Carol', password: 'other-pass-1' })
      .expect(409);
    expect(duplicate.body.details).toEqual([expect.objectContaining({ field: 'username', rule: 'unique' })]);
    const bad = await auth(sut.http().post(`/api/accounts/${accountId}/radius-accounts`))
      .send({ username: 'has space', password: 'short' })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['password', 'username']);
    await auth(sut.http().delete(`/api/radius-accounts/${radius.id}`)).expect(200);
    await applied(accountId);
    expect((await lab.radtest('carol', 'carol-pass-1')).accepted).toBe(false);
    expect(await lab.rows("SELECT * FROM radcheck WHERE username IN ('carol', 'Carol')")).toEqual([]);
  });

  it('keeps changes pending in Temporal while FreeRADIUS is down and applies them once when it is back', async () => {
    const accountId = await subscriber();
    await applied(accountId);
    await lab.server.stop();
    try {
      const radius = (
        await auth(sut.http().post(`/api/accounts/${accountId}/radius-accounts`))
          .send({ username: 'dave', password: 'dave-pass-12' })
          .expect(201)
      ).body;
      await auth(sut.http().post(`/api/accounts/${accountId}/ip-assignments`))
        .send({ assignee: 'radius_account', radiusAccountId: radius.id, poolId })
        .expect(201);
      const handle = sut.app.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(workflowIds.networkSync(accountId));
      await waitUntil(
        'the sync pass to be retried',
        async () => {
          const { raw } = await handle.describe();
          const activity = raw.pendingActivities?.[0];
          return Number(activity?.attempt ?? 0) >= 2 && /did not answer Status-Server/.test(activity?.lastFailure?.message ?? '');
        },
        30_000,
      );
      expect(await pending(accountId)).toBe(2);
      expect(await lab.rows("SELECT * FROM radcheck WHERE username = 'dave'")).toEqual([]);
    } finally {
      await lab.server.restart();
    }
    await applied(accountId);
    expect((await lab.radtest('dave', 'dave-pass-12')).accepted).toBe(true);
    const replies = await lab.rows("SELECT attribute FROM radreply WHERE username = 'dave'");
    expect(replies).toEqual([{ attribute: 'Framed-IP-Address' }]);
    expect(await lab.rows("SELECT attribute FROM radcheck WHERE username = 'dave'")).toEqual([{ attribute: 'Cleartext-Password' }]);
    const stamped = await sut.db.query(
      "SELECT reason FROM network_sync_requests WHERE account_id = ? AND applied_at IS NOT NULL AND reason <> 'account_service.add' ORDER BY id",
      [accountId],
    );
    expect(stamped).toEqual([{ reason: 'radius_account.create' }, { reason: 'ip_assignment.create' }]);
  });
  it('writes NAS devices made in settings to the RADIUS server’s client list, and takes a deleted one off it', async () => {
    const nasRows = () => lab.rows("SELECT nasname, shortname, secret FROM nas WHERE nasname = '192.0.2.50'");
    const nas = (
      await auth(sut.http().post('/api/nas-devices'))
        .send({ name: 'Tower 7 BNG', address: '192.0.2.50', secret: 'tower-seven-secret', nasType: 'other' })
        .expect(201)
    ).body;
    expect(JSON.stringify(nas)).not.toContain('tower-seven-secret');
    await waitUntil('the NAS device on the RADIUS server', async () => (await nasRows()).length === 1, 30_000);
    expect(await nasRows()).toEqual([{ nasname: '192.0.2.50', shortname: 'Tower 7 BNG', secret: 'tower-seven-secret' }]);
    await auth(sut.http().patch(`/api/nas-devices/${nas.id}`))
      .send({ secret: 'tower-seven-rotated' })
      .expect(200);
    await waitUntil('the new secret on the RADIUS server', async () => (await nasRows())[0]?.secret === 'tower-seven-rotated', 30_000);
    await auth(sut.http().delete(`/api/nas-devices/${nas.id}`)).expect(200);
    await waitUntil('the NAS device gone from the RADIUS server', async () => (await nasRows()).length === 0, 30_000);
  });
  it('refuses the logins of an account whose status stops counting as active, and lets them in again when it does', async () => {
    const accountId = await subscriber();
    await auth(sut.http().post(`/api/accounts/${accountId}/radius-accounts`))
      .send({ username: 'erin', password: 'erin-pass-12' })
      .expect(201);
    await applied(accountId);
    expect((await lab.radtest('erin', 'erin-pass-12')).accepted).toBe(true);
    const [{ account_status_id: activeStatusId }] = await sut.db.query('SELECT account_status_id FROM accounts WHERE id = ?', [accountId]);
    const inactive = (await auth(sut.http().post('/api/account-statuses')).send({ name: 'Suspended', countsAsActive: false }).expect(201))
      .body;

    await auth(sut.http().put(`/api/accounts/${accountId}`))
      .send({ accountStatusId: inactive.id })
      .expect(200);
    await applied(accountId);
    expect((await lab.radtest('erin', 'erin-pass-12')).accepted).toBe(false);
    expect(await lab.rows("SELECT attribute, op, value FROM radcheck WHERE username = 'erin' AND attribute = 'Auth-Type'")).toEqual([
      { attribute: 'Auth-Type', op: ':=', value: 'Reject' },
    ]);

    await auth(sut.http().put(`/api/accounts/${accountId}`))
      .send({ accountStatusId: Number(activeStatusId) })
      .expect(200);
    await applied(accountId);
    expect((await lab.radtest('erin', 'erin-pass-12')).accepted).toBe(true);
    const reasons = await sut.db.query("SELECT reason FROM network_sync_requests WHERE account_id = ? AND reason LIKE 'account.status%'", [
      accountId,
    ]);
    expect(reasons).toEqual([{ reason: 'account.status' }, { reason: 'account.status' }]);
  });
});
