import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';

describe('IP assignments', () => {
  let sut: TestApp;
  let token: string;
  let subnetId: number;
  let poolId: number;
  let accountId: number;
  const auth = <T extends { auth: (t: string, o: { type: 'bearer' }) => T }>(req: T) => req.auth(token, { type: 'bearer' });
  const assign = (account: number, body: object, expect: number) =>
    auth(sut.http().post(`/api/accounts/${account}/ip-assignments`))
      .send(body)
      .expect(expect);
  const active = async (account: number) =>
    (
      await auth(sut.http().get(`/api/accounts/${account}/ip-assignments`))
        .query({ filter: JSON.stringify({ active: true }) })
        .expect(200)
    ).body;
  const assignmentRows = async () => Number((await sut.db.query('SELECT COUNT(*) AS n FROM ip_assignments'))[0].n);

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    token = (await sut.admin()).token;
    const supernet = (await auth(sut.http().post('/api/ip-supernets')).send({ name: 'Customers', network: '100.64.0.0/16' }).expect(201))
      .body;
    const subnet = (
      await auth(sut.http().post('/api/ip-subnets'))
        .send({ supernetId: supernet.id, name: 'Tower 1', network: '100.64.0.0/24', gateway: '100.64.0.1' })
        .expect(201)
    ).body;
    subnetId = subnet.id;
    // The pool covers the network, gateway and broadcast addresses too: "next free" must step over them.
    poolId = (
      await auth(sut.http().post('/api/ip-pools'))
        .send({ subnetId, name: 'All', firstAddress: '100.64.0.0', lastAddress: '100.64.0.255' })
        .expect(201)
    ).body.id;
    accountId = await insertAccount(sut.db);
  });
  afterAll(() => sut.close());

  it('gives fifty clerks asking at once fifty different addresses, never the gateway', async () => {
    const accounts = await Promise.all(Array.from({ length: 5 }, () => insertAccount(sut.db)));
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        assign(accounts[i % 5], { assignee: 'account', poolId }, 201).then((res) => res.body.address as string),
      ),
    );
    expect(new Set(answers).size).toBe(50);
    expect(answers).not.toContain('100.64.0.1');
    const expected = Array.from({ length: 50 }, (_, i) => `100.64.0.${i + 2}`);
    expect([...answers].sort((a, b) => Number(a.split('.')[3]) - Number(b.split('.')[3]))).toEqual(expected);
  });

  it('holds a next-free address for the clerk who asked, so a second clerk is offered the next one', async () => {
    const other = await sut.userWith(['network.manage' as never]);
    const mine = (await auth(sut.http().post(`/api/ip-pools/${poolId}/next-free-address`)).expect(201)).body;
    const theirs = (await sut.http().post(`/api/ip-pools/${poolId}/next-free-address`).auth(other.token, { type: 'bearer' }).expect(201))
      .body;
    expect(mine.address).not.toBe(theirs.address);
    const refused = await sut
      .http()
      .post(`/api/accounts/${accountId}/ip-assignments`)
      .auth(other.token, { type: 'bearer' })
      .send({ assignee: 'account', address: mine.address })
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'ip_address_taken', details: [expect.objectContaining({ field: 'address' })] });
    const taken = (await assign(accountId, { assignee: 'account', address: mine.address }, 201)).body;
    expect(taken).toMatchObject({ address: mine.address, poolId, subnetId, covers: 'address', assignee: 'account', active: true });
  });

  it('refuses an address outside the plan, a reserved one, a taken one and a malformed one, writing nothing', async () => {
    const before = await assignmentRows();
    const [held] = await active(accountId);
    const cases: [object, number, string, string][] = [
      [{ assignee: 'account', address: '192.0.2.7' }, 400, 'address', 'inSubnet'],
      [{ assignee: 'account', address: '100.64.0.1' }, 400, 'address', 'hostAddress'],
      [{ assignee: 'account', address: '100.64.0.255' }, 400, 'address', 'hostAddress'],
      [{ assignee: 'account', address: held.address }, 409, 'address', 'free'],
      [{ assignee: 'account', address: '100.64.0.300' }, 400, 'address', 'ipAddress'],
      [{ assignee: 'account' }, 400, 'address', 'required'],
      [{ assignee: 'radius_account', poolId }, 400, 'radiusAccountId', 'required'],
      [{ assignee: 'account', poolId: 999_999 }, 400, 'poolId', 'exists'],
      [{ assignee: 'account', subnetId, wholeSubnet: true }, 409, 'subnetId', 'free'],
    ];
    for (const [body, status, field, rule] of cases) {
      const res = await assign(accountId, body, status);
      expect(res.body.details).toEqual([expect.objectContaining({ field, rule })]);
    }
    expect(await assignmentRows()).toBe(before);
  });

  it('removes into the history, frees the address for the next clerk, and moves every assignment to another account', async () => {
    const target = await insertAccount(sut.db);
    const first = (await assign(accountId, { assignee: 'account', poolId, description: 'Server' }, 201)).body;
    await auth(sut.http().delete(`/api/ip-assignments/${first.id}`)).expect(200);
    const again = (await assign(accountId, { assignee: 'account', poolId }, 201)).body;
    expect(again.address).toBe(first.address);

    const history = (
      await auth(sut.http().get(`/api/accounts/${accountId}/ip-assignments`))
        .query({ filter: JSON.stringify({ active: false }) })
        .expect(200)
    ).body;
    expect(history).toEqual([
      expect.objectContaining({ id: first.id, active: false, description: 'Server', removedByName: expect.any(String) }),
    ]);

    const holding = await active(accountId);
    const moved = (
      await auth(sut.http().post(`/api/accounts/${accountId}/ip-assignments/move`))
        .send({ toAccountId: target })
        .expect(201)
    ).body;
    expect(moved.map((a: { address: string }) => a.address).sort()).toEqual(holding.map((a: { address: string }) => a.address).sort());
    expect(await active(accountId)).toEqual([]);
    expect((await active(target)).length).toBe(holding.length);
    await auth(sut.http().post(`/api/accounts/${accountId}/ip-assignments/move`))
      .send({ toAccountId: 999_999 })
      .expect(400);
  });

  it('routes a whole subnet to one subscriber and then lends none of its addresses', async () => {
    const [{ id: supernetId }] = (await auth(sut.http().get('/api/ip-supernets')).expect(200)).body;
    const routed = (
      await auth(sut.http().post('/api/ip-subnets')).send({ supernetId, name: 'Routed', network: '100.64.9.0/29' }).expect(201)
    ).body;
    const whole = (await assign(accountId, { assignee: 'account', subnetId: routed.id, wholeSubnet: true }, 201)).body;
    expect(whole).toMatchObject({ address: '100.64.9.0/29', covers: 'subnet' });
    const inside = await assign(accountId, { assignee: 'account', address: '100.64.9.3' }, 409);
    expect(inside.body.details).toEqual([expect.objectContaining({ field: 'address', rule: 'free' })]);
    expect((await auth(sut.http().get(`/api/ip-subnets/${routed.id}`)).expect(200)).body).toMatchObject({
      assignedWhole: true,
      usage: { percent: 100 },
    });
  });

  it('takes IPv6 addresses from a pool the same way', async () => {
    const v6 = (await auth(sut.http().post('/api/ip-supernets')).send({ name: 'v6', network: '2001:db8::/32' }).expect(201)).body;
    const subnet = (
      await auth(sut.http().post('/api/ip-subnets'))
        .send({ supernetId: v6.id, name: 'v6 customers', network: '2001:db8:5::/64' })
        .expect(201)
    ).body;
    const pool = (
      await auth(sut.http().post('/api/ip-pools'))
        .send({ subnetId: subnet.id, name: 'v6 pool', firstAddress: '2001:db8:5::ffff:fffe', lastAddress: '2001:db8:5::1:0:1' })
        .expect(201)
    ).body;
    const got = await Promise.all(
      [1, 2, 3].map(() => assign(accountId, { assignee: 'account', poolId: pool.id }, 201).then((r) => r.body.address)),
    );
    expect(new Set(got)).toEqual(new Set(['2001:db8:5::ffff:fffe', '2001:db8:5::ffff:ffff', '2001:db8:5::1:0:0']));
    const last = await assign(accountId, { assignee: 'account', poolId: pool.id }, 201);
    expect(last.body.address).toBe('2001:db8:5::1:0:1');
    const none = await assign(accountId, { assignee: 'account', poolId: pool.id }, 409);
    expect(none.body).toMatchObject({ code: 'ip_pool_exhausted', details: [expect.objectContaining({ field: 'poolId' })] });
  });
});
