import type { Client } from '@temporalio/client';
import { networkSyncStatusQuery, workflowIds } from '../../workflows/shared';
import { keaCommand } from '../../src/network-sync/kea-control';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.tokens';
import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import { KeaTestLab, startKeaLab } from '../support/kea-lab';
import { waitUntil } from '../support/processes';
import { RadiusLab, startRadiusLab } from '../support/radius-lab';
import type { TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

describe('the reconciliation finds drift made by hand on FreeRADIUS and Kea and repairs it', () => {
  let radius: RadiusLab;
  let kea: KeaTestLab;
  let sut: TestApp;
  let stopWorker: () => Promise<void>;
  let token: string;
  let address: string;
  let reservedAddress: string;
  const mac = '02:00:00:aa:00:01';
  const auth = <T extends { auth: (t: string, o: { type: 'bearer' }) => T }>(req: T) => req.auth(token, { type: 'bearer' });
  const settled = () =>
    waitUntil(
      'every network change to be applied',
      async () => Number((await sut.db.query('SELECT COUNT(*) AS n FROM network_sync_requests WHERE applied_at IS NULL'))[0].n) === 0,
      30_000,
    );
  async function reconcile() {
    const started = (await auth(sut.http().post('/api/network-reconciliations')).expect(202)).body;
    expect(started.workflowId).toBe(workflowIds.networkReconcile(started.id));
    await sut.app.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(started.workflowId).result();
    return (await auth(sut.http().get(`/api/network-reconciliations/${started.id}`)).expect(200)).body;
  }

  beforeAll(async () => {
    [radius, kea] = await Promise.all([startRadiusLab(), startKeaLab()]);
    sut = await createIsolatedTestApp({ ...radius.config, NETWORK_SYNC_RETRY_CEILING: '2s', NETWORK_SYNC_IDLE: '1m' });
    ({ stop: stopWorker } = await startTestWorker(sut));
    token = (await sut.admin()).token;
    const supernet = (await auth(sut.http().post('/api/ip-supernets')).send({ name: 'Recon', network: '100.70.0.0/16' }).expect(201)).body;
    const subnet = (
      await auth(sut.http().post('/api/ip-subnets'))
        .send({ supernetId: supernet.id, name: 'S', network: '100.70.0.0/24', gateway: '100.70.0.1' })
        .expect(201)
    ).body;
    const pool = (
      await auth(sut.http().post('/api/ip-pools'))
        .send({ subnetId: subnet.id, name: 'P', firstAddress: '100.70.0.10', lastAddress: '100.70.0.99' })
        .expect(201)
    ).body;
    await auth(sut.http().post('/api/dhcp-servers'))
      .send(kea.dhcpServer('Recon Kea', [subnet.id]))
      .expect(201);
    const accountId = await insertAccount(sut.db);
    const login = (
      await auth(sut.http().post(`/api/accounts/${accountId}/radius-accounts`))
        .send({ username: 'erin', password: 'erin-pass-12' })
        .expect(201)
    ).body;
    address = (
      await auth(sut.http().post(`/api/accounts/${accountId}/ip-assignments`))
        .send({ assignee: 'radius_account', radiusAccountId: login.id, poolId: pool.id })
        .expect(201)
    ).body.address;
    const box = (
      await auth(sut.http().post(`/api/accounts/${accountId}/uninventoried-macs`))
        .send({ mac, address: '100.70.0.50' })
        .expect(201)
    ).body;
    reservedAddress = box.ipAddresses[0];
    await auth(sut.http().post('/api/nas-devices'))
      .send({ name: 'Tower BRAS', address: '127.0.0.9', secret: 'bras-secret-1', nasType: 'mikrotik' })
      .expect(201);
    await settled();
    await waitUntil(
      'the NAS device on the RADIUS server',
      async () => (await radius.rows("SELECT id FROM nas WHERE nasname = '127.0.0.9'")).length === 1,
    );
    // Signals that came in while a pass ran each bring one more pass; drift made before those ran would be repaired by them.
    const run = sut.app.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(workflowIds.networkSync(accountId));
    await waitUntil('the account’s provisioning run to have nothing left to do', async () => {
      const status = await run.query(networkSyncStatusQuery);
      return status.waiting.length === 0 && status.applying.length === 0;
    });
  }, 120_000);

  afterAll(async () => {
    await stopWorker?.();
    await sut?.close();
    await Promise.all([radius?.close(), kea?.close()]);
  });

  it('repairs a changed reply, a stranger login, lost and stray reservations and a lost subnet, and reports each', async () => {
    await radius.rows("UPDATE radreply SET value = '10.9.9.9' WHERE username = 'erin' AND attribute = 'Framed-IP-Address'");
    await radius.rows("INSERT INTO radcheck (username, attribute, op, value) VALUES ('mallory', 'Cleartext-Password', ':=', 'let-me-in')");
    await radius.rows("UPDATE nas SET secret = 'tampered-secret' WHERE nasname = '127.0.0.9'");
    expect((await radius.radtest('erin', 'erin-pass-12')).output).toContain('Framed-IP-Address = 10.9.9.9');
    expect((await radius.radtest('mallory', 'let-me-in')).accepted).toBe(true);
    await kea.rows('DELETE FROM hosts');
    await kea.rows(
      "INSERT INTO hosts (dhcp_identifier, dhcp_identifier_type, dhcp4_subnet_id, ipv4_address) VALUES (UNHEX('0200000000ff'), 0, 1, INET_ATON('100.70.0.77'))",
    );
    const current = await keaCommand(kea.server.controlSocket, 'config-get');
    const dhcp4 = (current.arguments as { Dhcp4: Record<string, unknown> }).Dhcp4;
    expect(await keaCommand(kea.server.controlSocket, 'config-set', { Dhcp4: { ...dhcp4, subnet4: [] } })).toMatchObject({ result: 0 });

    const first = await reconcile();
    expect(first.status).toBe('completed');
    expect(first.report.radius).toEqual(
      expect.arrayContaining([
        'removed radreply erin: Framed-IP-Address = 10.9.9.9',
        `added radreply erin: Framed-IP-Address = ${address}`,
        'removed radcheck mallory: Cleartext-Password = (secret)',
      ]),
    );
    expect(first.report.nas).toEqual(['removed nas 127.0.0.9', 'added nas 127.0.0.9']);
    expect(first.report.dhcp).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^added subnet \d+ 100\.70\.0\.0\/24 to Recon Kea$/),
        `added reservation ${mac} → ${reservedAddress} (subnet ${(await kea.subnets())[0].id}) on Recon Kea`,
        expect.stringMatching(/^removed reservation 02:00:00:00:00:ff → 100\.70\.0\.77/),
      ]),
    );
    expect(JSON.stringify(first.report)).not.toMatch(/erin-pass-12|let-me-in|bras-secret-1|tampered-secret/);

    expect((await radius.radtest('erin', 'erin-pass-12')).output).toContain(`Framed-IP-Address = ${address}`);
    expect((await radius.radtest('mallory', 'let-me-in')).accepted).toBe(false);
    expect(await radius.rows('SELECT nasname, shortname, secret FROM nas')).toEqual([
      { nasname: '127.0.0.9', shortname: 'Tower BRAS', secret: 'bras-secret-1' },
    ]);
    expect((await kea.request(mac)).acked).toBe(reservedAddress);

    const second = await reconcile();
    expect(second).toMatchObject({ status: 'completed', repairs: 0, report: { radius: [], nas: [], dhcp: [] } });
  });
});
