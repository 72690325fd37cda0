import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';

describe('address lists for routers', () => {
  let sut: TestApp;
  let token: string;
  let current: number;
  let delinquent: number;
  let paying: number;
  let late: number;
  const keys: Record<string, string> = {};
  const auth = <T extends { auth: (t: string, o: { type: 'bearer' }) => T }>(req: T) => req.auth(token, { type: 'bearer' });
  const fetchList = (name: string, key: string | undefined, query: Record<string, string> = {}, headers: Record<string, string> = {}) => {
    const req = sut.http().get(`/api/address-lists/${name}/entries`).query(query);
    if (key) req.set('Authorization', `Bearer ${key}`);
    for (const [header, value] of Object.entries(headers)) req.set(header, value);
    return req;
  };
  const status = async (name: string, isDelinquency: boolean) =>
    Number((await sut.db.query('INSERT INTO account_statuses (name, is_delinquency) VALUES (?, ?)', [name, isDelinquency])).insertId);
  const assign = (accountId: number, body: object) =>
    auth(sut.http().post(`/api/accounts/${accountId}/ip-assignments`))
      .send(body)
      .expect(201);

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    token = (await sut.admin()).token;
    current = await status('Current', false);
    delinquent = await status('Suspended for non-payment', true);
    paying = await insertAccount(sut.db);
    late = await insertAccount(sut.db);
    await sut.db.query('UPDATE accounts SET account_status_id = ? WHERE id = ?', [current, paying]);
    await sut.db.query('UPDATE accounts SET account_status_id = ? WHERE id = ?', [delinquent, late]);
    const supernet = (await auth(sut.http().post('/api/ip-supernets')).send({ name: 'Lists', network: '100.69.0.0/16' }).expect(201)).body;
    const subnet = (
      await auth(sut.http().post('/api/ip-subnets')).send({ supernetId: supernet.id, name: 'S', network: '100.69.0.0/24' }).expect(201)
    ).body;
    const routed = (
      await auth(sut.http().post('/api/ip-subnets')).send({ supernetId: supernet.id, name: 'Routed', network: '100.69.8.0/29' }).expect(201)
    ).body;
    const v6 = (await auth(sut.http().post('/api/ip-supernets')).send({ name: 'Lists v6', network: '2001:db8:69::/48' }).expect(201)).body;
    await auth(sut.http().post('/api/ip-subnets')).send({ supernetId: v6.id, name: 'S6', network: '2001:db8:69::/64' }).expect(201);
    await assign(paying, { assignee: 'account', address: '100.69.0.20', subnetId: subnet.id });
    await assign(paying, { assignee: 'account', subnetId: routed.id, wholeSubnet: true });
    await assign(paying, { assignee: 'account', address: '2001:db8:69::20' });
    await assign(paying, { assignee: 'account', address: '100.69.0.99', soft: true });
    await assign(late, { assignee: 'account', address: '100.69.0.7' });
    for (const [name, accounts] of [
      ['active', 'not_delinquent'],
      ['delinquent', 'delinquent'],
    ] as const) {
      const created = (await auth(sut.http().post('/api/address-lists')).send({ name, accounts }).expect(201)).body;
      keys[name] = created.fetchKey;
    }
  });
  afterAll(() => sut.close());

  it('answers a router with exactly the provisioned addresses of the accounts the list takes', async () => {
    for (const key of Object.values(keys)) expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await fetchList('active', keys.active).expect(200)).text).toBe('100.69.0.20\n100.69.8.0/29\n2001:db8:69::20\n');
    expect((await fetchList('delinquent', keys.delinquent).expect(200)).text).toBe('100.69.0.7\n');
    expect((await fetchList('delinquent', keys.delinquent, { format: 'routeros' }).expect(200)).text).toBe(
      [
        '# Address list "delinquent" from Backhaul: 1 entries',
        '/ip firewall address-list remove [find list="delinquent" comment="backhaul:delinquent"]',
        '/ipv6 firewall address-list remove [find list="delinquent" comment="backhaul:delinquent"]',
        '/ip firewall address-list add list="delinquent" address=100.69.0.7 comment="backhaul:delinquent"',
        '',
      ].join('\n'),
    );
  });

  it('refuses a missing key, another list’s key and an unknown list alike', async () => {
    for (const res of await Promise.all([
      fetchList('active', undefined),
      fetchList('active', keys.delinquent),
      fetchList('nowhere', keys.active),
    ])) {
      expect(res.status).toBe(401);
      expect(res.text).not.toContain('100.69');
    }
  });

  it('answers 304 while the list is unchanged, and the new list at the next fetch after a status change', async () => {
    const first = await fetchList('delinquent', keys.delinquent).expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const unchanged = await fetchList('delinquent', keys.delinquent, {}, { 'If-None-Match': etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text ?? '').toBe('');

    await auth(sut.http().put(`/api/accounts/${late}`))
      .send({ accountStatusId: current })
      .expect(200);
    const changed = await fetchList('delinquent', keys.delinquent, {}, { 'If-None-Match': etag }).expect(200);
    expect(changed.text).toBe('');
    expect(changed.headers.etag).not.toBe(etag);
    expect((await fetchList('active', keys.active).expect(200)).text).toBe('100.69.0.7\n100.69.0.20\n100.69.8.0/29\n2001:db8:69::20\n');
  });

  it('replaces a fetch key, and refuses a bad name or a taken one writing nothing', async () => {
    const [list] = (await auth(sut.http().get('/api/address-lists')).expect(200)).body.filter((l: { name: string }) => l.name === 'active');
    const { fetchKey } = (await auth(sut.http().post(`/api/address-lists/${list.id}/fetch-key`)).expect(201)).body;
    expect((await fetchList('active', keys.active)).status).toBe(401);
    await fetchList('active', fetchKey).expect(200);
    const bad = await auth(sut.http().post('/api/address-lists')).send({ name: 'Has Space', accounts: 'all' }).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'name', rule: 'matches' })]);
    const taken = await auth(sut.http().post('/api/address-lists')).send({ name: 'active', accounts: 'all' }).expect(409);
    expect(taken.body.details).toEqual([expect.objectContaining({ field: 'name', rule: 'unique' })]);
    const noStatus = await auth(sut.http().post('/api/address-lists')).send({ name: 'chosen', accounts: 'statuses' }).expect(400);
    expect(noStatus.body.details).toEqual([expect.objectContaining({ field: 'statusIds', rule: 'required' })]);
    expect((await auth(sut.http().get('/api/address-lists')).expect(200)).body.map((l: { name: string }) => l.name)).toEqual([
      'active',
      'delinquent',
    ]);
    const audit = await sut.db.query("SELECT after_state FROM action_history WHERE entity_type = 'address_list'");
    expect(JSON.stringify(audit)).not.toContain(fetchKey);
  });
});
