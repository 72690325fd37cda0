import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';

/**
 * The allocator behind "next free address": a free list of given-back addresses and a bump
 * pointer. Each case walks one of its paths on a small pool, where the right answer is plain.
 */
describe('next free address', () => {
  let sut: TestApp;
  let token: string;
  let supernetId: number;
  let accountId: number;
  let net = 0;
  const auth = <T extends { auth: (t: string, o: { type: 'bearer' }) => T }>(req: T) => req.auth(token, { type: 'bearer' });
  const nextFree = async (poolId: number, as = token) =>
    (await sut.http().post(`/api/ip-pools/${poolId}/next-free-address`).auth(as, { type: 'bearer' }).expect(201)).body.address as string;
  const assign = (body: object, expect: number) =>
    auth(sut.http().post(`/api/accounts/${accountId}/ip-assignments`))
      .send(body)
      .expect(expect);
  const remove = (id: number) => auth(sut.http().delete(`/api/ip-assignments/${id}`)).expect(200);
  const released = async (poolId: number) =>
    (await sut.db.query('SELECT INET_NTOA(address) AS a FROM ip_pool_released WHERE pool_id = ? ORDER BY address', [poolId])).map(
      (r: { a: string }) => r.a,
    );

  /** A fresh /28 (gateway .1) with a pool over .1–.14 each time, so the cases do not share addresses. */
  async function freshPool(): Promise<{ poolId: number; prefix: string }> {
    net++;
    const prefix = `100.72.${net}`;
    const subnet = (
      await auth(sut.http().post('/api/ip-subnets'))
        .send({ supernetId, name: `Case ${net}`, network: `${prefix}.0/28`, gateway: `${prefix}.1` })
        .expect(201)
    ).body;
    const pool = (
      await auth(sut.http().post('/api/ip-pools'))
        .send({ subnetId: subnet.id, name: `Case ${net}`, firstAddress: `${prefix}.1`, lastAddress: `${prefix}.14` })
        .expect(201)
    ).body;
    return { poolId: pool.id, prefix };
  }

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    token = (await sut.admin()).token;
    supernetId = (await auth(sut.http().post('/api/ip-supernets')).send({ name: 'Allocator', network: '100.72.0.0/16' }).expect(201)).body
      .id;
    accountId = await insertAccount(sut.db);
  });
  afterAll(() => sut.close());

  it('takes the lowest given-back address first, then goes on from the bump pointer', async () => {
    const { poolId, prefix } = await freshPool();
    const taken = [];
    for (let i = 0; i < 4; i++) taken.push((await assign({ assignee: 'account', poolId }, 201)).body);
    // The gateway (.1) is stepped over.
    expect(taken.map((a) => a.address)).toEqual([`${prefix}.2`, `${prefix}.3`, `${prefix}.4`, `${prefix}.5`]);
    await remove(taken[2].id);
    await remove(taken[0].id);
    expect(await released(poolId)).toEqual([`${prefix}.2`, `${prefix}.4`]);
    expect(await nextFree(poolId)).toBe(`${prefix}.2`);
    expect(await nextFree(poolId)).toBe(`${prefix}.4`);
    expect(await nextFree(poolId)).toBe(`${prefix}.6`);
    expect(await released(poolId)).toEqual([]);
  });

  it('steps over addresses typed in by hand above the bump pointer, and over a given-back address taken by hand since', async () => {
    const { poolId, prefix } = await freshPool();
    await assign({ assignee: 'account', address: `${prefix}.2` }, 201);
    await assign({ assignee: 'account', address: `${prefix}.3` }, 201);
    await assign({ assignee: 'account', address: `${prefix}.5` }, 201);
    expect(await nextFree(poolId)).toBe(`${prefix}.4`);
    expect(await nextFree(poolId)).toBe(`${prefix}.6`);

    const low = (await assign({ assignee: 'account', poolId }, 201)).body;
    expect(low.address).toBe(`${prefix}.7`);
    await remove(low.id);
    // Given back, then typed in by hand: the free list still names it, but it is not free.
    await assign({ assignee: 'account', address: `${prefix}.7` }, 201);
    expect(await released(poolId)).toEqual([`${prefix}.7`]);
    expect(await nextFree(poolId)).toBe(`${prefix}.8`);
  });

  it('gives back an address whose hold ran out, and one its clerk gives back unused', async () => {
    const { poolId, prefix } = await freshPool();
    const other = await sut.userWith(['network.manage' as never]);
    expect(await nextFree(poolId)).toBe(`${prefix}.2`);
    expect(await nextFree(poolId, other.token)).toBe(`${prefix}.3`);
    await sut.db.query('UPDATE ip_address_holds SET expires_at = NOW(3) - INTERVAL 1 MINUTE WHERE address = INET_ATON(?)', [`${prefix}.2`]);
    expect(await nextFree(poolId, other.token)).toBe(`${prefix}.2`);

    // Only the clerk holding an address gives it back.
    const refused = await auth(sut.http().delete(`/api/ip-pools/${poolId}/held-addresses/${prefix}.3`)).expect(409);
    expect(refused.body).toMatchObject({
      code: 'ip_address_taken',
      details: [expect.objectContaining({ field: 'address', rule: 'heldByYou' })],
    });
    await sut.http().delete(`/api/ip-pools/${poolId}/held-addresses/${prefix}.3`).auth(other.token, { type: 'bearer' }).expect(204);
    expect(await released(poolId)).toEqual([`${prefix}.3`]);
    expect(await nextFree(poolId)).toBe(`${prefix}.3`);

    await auth(sut.http().delete(`/api/ip-pools/${poolId}/held-addresses/${prefix}.9`)).expect(404);
    const malformed = await auth(sut.http().delete(`/api/ip-pools/${poolId}/held-addresses/not-an-address`)).expect(400);
    expect(malformed.body.details).toEqual([expect.objectContaining({ field: 'address', rule: 'ipAddress' })]);
  });

  it('answers 409 when the pool is used up or its subnet is assigned whole, and 400 for a pool that does not exist', async () => {
    const { poolId, prefix } = await freshPool();
    // .1 is the gateway: .2 to .14 are the thirteen addresses a host may take.
    for (let i = 2; i <= 14; i++) expect(await nextFree(poolId)).toBe(`${prefix}.${i}`);
    const exhausted = await sut.http().post(`/api/ip-pools/${poolId}/next-free-address`).auth(token, { type: 'bearer' }).expect(409);
    expect(exhausted.body).toMatchObject({ code: 'ip_pool_exhausted', details: [expect.objectContaining({ field: 'poolId' })] });

    const routed = (
      await auth(sut.http().post('/api/ip-subnets')).send({ supernetId, name: 'Routed', network: '100.72.200.0/29' }).expect(201)
    ).body;
    const routedPool = (
      await auth(sut.http().post('/api/ip-pools'))
        .send({ subnetId: routed.id, name: 'Routed', firstAddress: '100.72.200.1', lastAddress: '100.72.200.6' })
        .expect(201)
    ).body;
    await assign({ assignee: 'account', subnetId: routed.id, wholeSubnet: true }, 201);
    const whole = await sut.http().post(`/api/ip-pools/${routedPool.id}/next-free-address`).auth(token, { type: 'bearer' }).expect(409);
    expect(whole.body).toMatchObject({ code: 'ip_address_taken', details: [expect.objectContaining({ rule: 'free' })] });
    const missing = await assign({ assignee: 'account', poolId: 999_999 }, 400);
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'poolId', rule: 'exists' })]);
  });

  it('refuses to edit an assignment that was removed, saying it is history', async () => {
    const { poolId } = await freshPool();
    const gone = (await assign({ assignee: 'account', poolId }, 201)).body;
    await remove(gone.id);
    const refused = await auth(sut.http().patch(`/api/ip-assignments/${gone.id}`))
      .send({ description: 'Too late' })
      .expect(409);
    expect(refused.body.code).toBe('ip_assignment_removed');
  });
});
