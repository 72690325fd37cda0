import type { Client } from '@temporalio/client';
import { workflowIds } from '../../workflows/shared';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.tokens';
import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import { KeaTestLab, startKeaLab } from '../support/kea-lab';
import { waitUntil } from '../support/processes';
import type { TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

describe('DHCP reservations on a real Kea, for inventory and uninventoried MAC addresses', () => {
  let lab: KeaTestLab;
  let sut: TestApp;
  let stopWorker: () => Promise<void>;
  let token: string;
  let subnetId: number;
  let poolId: number;
  let serverId: number;
  let modelId: number;
  const auth = <T extends { auth: (t: string, o: { type: 'bearer' }) => T }>(req: T) => req.auth(token, { type: 'bearer' });
  const unapplied = async () =>
    Number((await sut.db.query('SELECT COUNT(*) AS n FROM network_sync_requests WHERE applied_at IS NULL'))[0].n);
  const settled = () => waitUntil('every network change to be applied', async () => (await unapplied()) === 0, 30_000);
  let macCounter = 0;
  const newMac = () => `02:00:00:00:${(++macCounter).toString(16).padStart(2, '0')}:01`;

  async function deployedItem(accountId: number) {
    const mac = newMac();
    const item = (
      await auth(sut.http().post('/api/inventory-items'))
        .send({ modelId, serial: `SN-${mac}`, macs: [mac], accountId })
        .expect(201)
    ).body;
    return { item, mac, macId: item.macs[0].id as number };
  }

  beforeAll(async () => {
    lab = await startKeaLab();
    sut = await createIsolatedTestApp({ NETWORK_SYNC_RETRY_CEILING: '2s', NETWORK_SYNC_IDLE: '1m' });
    ({ stop: stopWorker } = await startTestWorker(sut));
    token = (await sut.admin()).token;
    const supernet = (
      await auth(sut.http().post('/api/ip-supernets')).send({ name: 'Fixed wireless', network: '100.67.0.0/16' }).expect(201)
    ).body;
    subnetId = (
      await auth(sut.http().post('/api/ip-subnets'))
        .send({ supernetId: supernet.id, name: 'Tower 7', network: '100.67.0.0/24', gateway: '100.67.0.1' })
        .expect(201)
    ).body.id;
    poolId = (
      await auth(sut.http().post('/api/ip-pools'))
        .send({ subnetId, name: 'CPE', firstAddress: '100.67.0.10', lastAddress: '100.67.0.250' })
        .expect(201)
    ).body.id;
    serverId = (
      await auth(sut.http().post('/api/dhcp-servers'))
        .send(lab.dhcpServer('Lab Kea', [subnetId]))
        .expect(201)
    ).body.id;
    const maker = (await auth(sut.http().post('/api/inventory-manufacturers')).send({ name: 'Ubiquiti' }).expect(201)).body;
    modelId = (
      await auth(sut.http().post('/api/inventory-models'))
        .send({ manufacturerId: maker.id, name: 'LiteBeam 5AC', macCount: 1, fields: [{ name: 'Firmware' }] })
        .expect(201)
    ).body.id;
    await settled();
  }, 120_000);

  afterAll(async () => {
    await stopWorker?.();
    await sut?.close();
    await lab?.close();
  });

  it('gives Kea the subnets of the address plan, with the gateway as router', async () => {
    expect(await lab.subnets()).toEqual([{ id: subnetId, subnet: '100.67.0.0/24' }]);
    const server = (await auth(sut.http().get(`/api/dhcp-servers/${serverId}`)).expect(200)).body;
    expect(server).toMatchObject({ subnetIds: [subnetId], relayAddresses: ['127.0.0.1'] });
    expect(server.hostsDatabase).not.toContain('@');
  });

  it("offers an inventory item's MAC its reserved address, and stops when the assignment goes; another MAC never gets it", async () => {
    const accountId = await insertAccount(sut.db);
    const { mac, macId } = await deployedItem(accountId);
    const assignment = (
      await auth(sut.http().post(`/api/accounts/${accountId}/ip-assignments`))
        .send({ assignee: 'inventory_mac', inventoryMacId: macId, poolId })
        .expect(201)
    ).body;
    expect(assignment).toMatchObject({ assignee: 'inventory_mac', mac, assigneeLabel: `Item MAC ${mac}` });
    await settled();
    expect(await lab.request(mac)).toEqual({ offered: assignment.address, acked: assignment.address });
    expect((await lab.request(newMac())).offered).toBeNull();

    await auth(sut.http().delete(`/api/ip-assignments/${assignment.id}`)).expect(200);
    await settled();
    expect((await lab.request(mac)).offered).toBeNull();
    expect(await lab.rows('SELECT host_id FROM hosts')).toEqual([]);
  });

  it('keeps an uninventoried MAC only while it holds an address', async () => {
    const accountId = await insertAccount(sut.db);
    const mac = newMac();
    const created = (
      await auth(sut.http().post(`/api/accounts/${accountId}/uninventoried-macs`))
        .send({ mac: mac.toUpperCase().replace(/:/g, '-'), poolId, address: '100.67.0.100' })
        .expect(201)
    ).body;
    // A particular address: the next free one would be the first test's, still leased by Kea to that test's MAC.
    expect(created).toMatchObject({ mac, ipAddresses: ['100.67.0.100'] });
    await settled();
    expect((await lab.request(mac)).acked).toBe(created.ipAddresses[0]);

    const [assignment] = (
      await auth(sut.http().get(`/api/accounts/${accountId}/ip-assignments`))
        .query({ filter: JSON.stringify({ active: true }) })
        .expect(200)
    ).body;
    await auth(sut.http().delete(`/api/ip-assignments/${assignment.id}`)).expect(200);
    await settled();
    expect((await auth(sut.http().get(`/api/accounts/${accountId}/uninventoried-macs`)).expect(200)).body).toEqual([]);
    expect((await lab.request(mac)).offered).toBeNull();
  });

  it('refuses a malformed MAC, a MAC of another account and an item of another account, writing nothing', async () => {
    const accountId = await insertAccount(sut.db);
    const other = await insertAccount(sut.db);
    const before = Number((await sut.db.query('SELECT COUNT(*) AS n FROM ip_assignments'))[0].n);
    const bad = await auth(sut.http().post(`/api/accounts/${accountId}/uninventoried-macs`))
      .send({ mac: '02:00:00:zz:00:01', poolId })
      .expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'mac', rule: 'macAddress' })]);
    const { macId, mac } = await deployedItem(other);
    const foreign = await auth(sut.http().post(`/api/accounts/${accountId}/ip-assignments`))
      .send({ assignee: 'inventory_mac', inventoryMacId: macId, poolId })
      .expect(400);
    expect(foreign.body.details).toEqual([expect.objectContaining({ field: 'inventoryMacId', rule: 'ofAccount' })]);
    const taken = await auth(sut.http().post(`/api/accounts/${accountId}/uninventoried-macs`))
      .send({ mac })
      .expect(409);
    expect(taken.body.details).toEqual([expect.objectContaining({ field: 'mac', rule: 'unique' })]);
    const badItem = await auth(sut.http().post('/api/inventory-items'))
      .send({ modelId, serial: 'X1', macs: ['nope'], accountId })
      .expect(400);
    expect(badItem.body.details).toEqual([expect.objectContaining({ field: 'macs[0]', rule: 'macAddress' })]);
    expect(Number((await sut.db.query('SELECT COUNT(*) AS n FROM ip_assignments'))[0].n)).toBe(before);
    await settled();
    expect(await lab.rows('SELECT host_id FROM hosts')).toEqual([]);
  });

  it('waits while Kea is down and reserves once it is back', async () => {
    const accountId = await insertAccount(sut.db);
    const { mac, macId } = await deployedItem(accountId);
    await lab.server.stop();
    let address: string;
    try {
      address = (
        await auth(sut.http().post(`/api/accounts/${accountId}/ip-assignments`))
          .send({ assignee: 'inventory_mac', inventoryMacId: macId, address: '100.67.0.150' })
          .expect(201)
      ).body.address;
      const handle = sut.app.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(workflowIds.networkSync(accountId));
      await waitUntil(
        'the pass to be retried while Kea is down',
        async () => {
          const activity = (await handle.describe()).raw.pendingActivities?.[0];
          return Number(activity?.attempt ?? 0) >= 2 && /Kea "Lab Kea" did not answer/.test(activity?.lastFailure?.message ?? '');
        },
        30_000,
      );
      expect(await unapplied()).toBeGreaterThan(0);
    } finally {
      await lab.server.restart();
    }
    await settled();
    expect((await lab.request(mac)).acked).toBe(address);
    expect(await lab.rows('SELECT host_id FROM hosts')).toHaveLength(1);
  });
});
