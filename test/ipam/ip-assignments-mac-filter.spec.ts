import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';

describe("an account's IP assignments filtered by the MAC address holding them, written in any common form", () => {
  let sut: TestApp;
  let token: string;
  let accountId: number;
  let itemAssignmentId: number;
  let looseAssignmentId: number;
  const ITEM_MAC = '48:a9:8a:10:00:01';
  const LOOSE_MAC = '02:5e:00:10:00:07';
  const auth = <T extends { auth: (t: string, o: { type: 'bearer' }) => T }>(req: T) => req.auth(token, { type: 'bearer' });
  const list = (filter: object, status = 200) =>
    auth(sut.http().get(`/api/accounts/${accountId}/ip-assignments`))
      .query({ filter: JSON.stringify(filter) })
      .expect(status);
  const ids = (body: { id: number }[]) => body.map((a) => a.id);

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    token = (await sut.admin()).token;
    accountId = await insertAccount(sut.db);
    const supernet = (await auth(sut.http().post('/api/ip-supernets')).send({ name: 'Plan', network: '100.70.0.0/16' }).expect(201)).body;
    await auth(sut.http().post('/api/ip-subnets')).send({ supernetId: supernet.id, name: 'Tower 4', network: '100.70.4.0/24' }).expect(201);
    const maker = (await auth(sut.http().post('/api/inventory-manufacturers')).send({ name: 'MikroTik' }).expect(201)).body;
    const model = (
      await auth(sut.http().post('/api/inventory-models'))
        .send({ manufacturerId: maker.id, name: 'hAP ax2', macCount: 1, serialRequired: false })
        .expect(201)
    ).body;
    const item = (
      await auth(sut.http().post('/api/inventory-items'))
        .send({ modelId: model.id, macs: [ITEM_MAC], accountId })
        .expect(201)
    ).body;
    itemAssignmentId = (
      await auth(sut.http().post(`/api/accounts/${accountId}/ip-assignments`))
        .send({ assignee: 'inventory_mac', inventoryMacId: item.macs[0].id, address: '100.70.4.10' })
        .expect(201)
    ).body.id;
    await auth(sut.http().post(`/api/accounts/${accountId}/uninventoried-macs`))
      .send({ mac: LOOSE_MAC, address: '100.70.4.11' })
      .expect(201);
    looseAssignmentId = (await list({ assignee: 'uninventoried_mac' })).body[0].id;
    // The account's own address: held by no MAC, never in a MAC's list.
    await auth(sut.http().post(`/api/accounts/${accountId}/ip-assignments`))
      .send({ assignee: 'account', address: '100.70.4.12' })
      .expect(201);
  });
  afterAll(() => sut.close());

  it("answers the assignments of an item's MAC however the MAC is written", async () => {
    for (const mac of [ITEM_MAC, '48-A9-8A-10-00-01', '48a9.8a10.0001', '48A98A100001', ' 48:A9:8A:10:00:01 ']) {
      const res = await list({ mac });
      expect(ids(res.body)).toEqual([itemAssignmentId]);
      expect(res.headers['content-range']).toBe('ip-assignments 0-0/1');
    }
  });

  it("answers an uninventoried MAC's assignments, and keeps them findable by MAC in the history once removed", async () => {
    expect(ids((await list({ mac: '02-5E-00-10-00-07', active: true })).body)).toEqual([looseAssignmentId]);
    await auth(sut.http().delete(`/api/ip-assignments/${itemAssignmentId}`)).expect(200);
    expect((await list({ mac: ITEM_MAC, active: true })).body).toEqual([]);
    expect(ids((await list({ mac: ITEM_MAC, active: false })).body)).toEqual([itemAssignmentId]);
    expect((await list({ mac: 'aa:bb:cc:dd:ee:ff' })).body).toEqual([]);
  });

  it('combines the MAC with the other filters and the search', async () => {
    expect(ids((await list({ mac: LOOSE_MAC, assignee: 'uninventoried_mac', q: '100.70.4.11' })).body)).toEqual([looseAssignmentId]);
    expect((await list({ mac: LOOSE_MAC, assignee: 'inventory_mac' })).body).toEqual([]);
  });

  it('refuses a malformed MAC with a 400 naming mac and the rule', async () => {
    const rows = Number((await sut.db.query('SELECT COUNT(*) AS n FROM ip_assignments'))[0].n);
    for (const mac of ['48:a9:8a:10:00', '48:a9-8a:10:00:01', 'zz:zz:zz:zz:zz:zz', '', 42]) {
      const res = await list({ mac }, 400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'filter.mac', rule: 'macAddress' })]);
    }
    expect(Number((await sut.db.query('SELECT COUNT(*) AS n FROM ip_assignments'))[0].n)).toBe(rows);
  });
});
