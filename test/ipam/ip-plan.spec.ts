import { Permission } from '../../src/auth/permission';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';

describe('the address plan: supernets, subnets and pools', () => {
  let sut: TestApp;
  let token: string;
  const count = async (table: string) => Number((await sut.db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const post = (path: string, body: object, expect: number) =>
    sut.http().post(`/api/${path}`).auth(token, { type: 'bearer' }).send(body).expect(expect);

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    token = (await sut.admin()).token;
  });
  afterAll(() => sut.close());

  it('keeps IPv4 and IPv6 blocks with their reserved addresses and usage', async () => {
    const v4 = (await post('ip-supernets', { name: 'Customers', network: '100.64.0.0/16' }, 201)).body;
    expect(v4).toMatchObject({ family: 4, network: '100.64.0.0/16', subnetCount: 0 });
    const subnet = (await post('ip-subnets', { supernetId: v4.id, name: 'Tower 1', network: '100.64.1.0/29', gateway: '100.64.1.1' }, 201))
      .body;
    expect(subnet).toMatchObject({
      network: '100.64.1.0/29',
      gateway: '100.64.1.1',
      reserved: ['100.64.1.0', '100.64.1.1', '100.64.1.7'],
      usage: { usable: '5', assigned: '0', percent: 0 },
    });
    const pool = (
      await post('ip-pools', { subnetId: subnet.id, name: 'Dynamic', firstAddress: '100.64.1.2', lastAddress: '100.64.1.6' }, 201)
    ).body;
    expect(pool).toMatchObject({ firstAddress: '100.64.1.2', lastAddress: '100.64.1.6', usage: { usable: '5', assigned: '0' } });

    const v6 = (await post('ip-supernets', { name: 'Customers v6', network: '2001:db8::/32' }, 201)).body;
    const subnet6 = (await post('ip-subnets', { supernetId: v6.id, name: 'Tower 1 v6', network: '2001:db8:1::/64' }, 201)).body;
    // No broadcast in IPv6; the lowest address is the subnet-router anycast address.
    expect(subnet6).toMatchObject({ family: 6, reserved: ['2001:db8:1::'], usage: { usable: '18446744073709551615' } });
    const point = (await post('ip-subnets', { supernetId: v4.id, name: 'Link', network: '100.64.2.0/31' }, 201)).body;
    expect(point).toMatchObject({ reserved: [], usage: { usable: '2' } });
  });

  it('refuses bad networks and overlaps with a 400 or 409 naming the field, writing nothing', async () => {
    const supernets = await count('ip_supernets');
    const subnets = await count('ip_subnets');
    const pools = await count('ip_pools');
    const hostBits = await post('ip-supernets', { name: 'Typo', network: '10.0.0.5/24' }, 400);
    expect(hostBits.body.details).toEqual([expect.objectContaining({ field: 'network', rule: 'networkAddress' })]);
    expect(hostBits.body.message).toContain('10.0.0.0/24');
    const malformed = await post('ip-supernets', { name: 'Typo', network: '10.0.0/8' }, 400);
    expect(malformed.body.details).toEqual([expect.objectContaining({ field: 'network', rule: 'cidr' })]);
    await post('ip-supernets', { name: 'Octal', network: '010.0.0.0/8' }, 400);
    const overlap = await post('ip-supernets', { name: 'Inside', network: '100.64.128.0/17' }, 409);
    expect(overlap.body.details).toEqual([expect.objectContaining({ field: 'network', rule: 'noOverlap' })]);

    const [{ id: supernetId }] = (
      await sut
        .http()
        .get('/api/ip-supernets')
        .auth(token, { type: 'bearer' })
        .query({ filter: JSON.stringify({ q: 'Customers', family: 4 }) })
        .expect(200)
    ).body;
    const outside = await post('ip-subnets', { supernetId, name: 'Elsewhere', network: '192.0.2.0/24' }, 400);
    expect(outside.body.details).toEqual([expect.objectContaining({ field: 'network', rule: 'insideSupernet' })]);
    const clash = await post('ip-subnets', { supernetId, name: 'Clash', network: '100.64.1.0/24' }, 409);
    expect(clash.body.details).toEqual([expect.objectContaining({ field: 'network', rule: 'noOverlap' })]);
    const broadcastGateway = await post(
      'ip-subnets',
      { supernetId, name: 'Bad gateway', network: '100.64.3.0/24', gateway: '100.64.3.255' },
      400,
    );
    expect(broadcastGateway.body.details).toEqual([expect.objectContaining({ field: 'gateway', rule: 'hostAddress' })]);
    const gatewayOutside = await post(
      'ip-subnets',
      { supernetId, name: 'Bad gateway', network: '100.64.3.0/24', gateway: '100.64.4.1' },
      400,
    );
    expect(gatewayOutside.body.details).toEqual([expect.objectContaining({ field: 'gateway', rule: 'insideSubnet' })]);

    const subnet = (await post('ip-subnets', { supernetId, name: 'Tower 2', network: '100.64.8.0/24' }, 201)).body;
    const poolOutside = await post(
      'ip-pools',
      { subnetId: subnet.id, name: 'P', firstAddress: '100.64.8.10', lastAddress: '100.64.9.10' },
      400,
    );
    expect(poolOutside.body.details).toEqual([expect.objectContaining({ field: 'lastAddress', rule: 'insideSubnet' })]);
    const backwards = await post(
      'ip-pools',
      { subnetId: subnet.id, name: 'P', firstAddress: '100.64.8.20', lastAddress: '100.64.8.10' },
      400,
    );
    expect(backwards.body.details).toEqual([expect.objectContaining({ field: 'lastAddress', rule: 'order' })]);
    await post('ip-pools', { subnetId: subnet.id, name: 'P1', firstAddress: '100.64.8.10', lastAddress: '100.64.8.50' }, 201);
    const poolClash = await post(
      'ip-pools',
      { subnetId: subnet.id, name: 'P2', firstAddress: '100.64.8.50', lastAddress: '100.64.8.60' },
      409,
    );
    expect(poolClash.body.details).toEqual([expect.objectContaining({ field: 'firstAddress', rule: 'noOverlap' })]);
    const badAddress = await post('ip-pools', { subnetId: subnet.id, name: 'P3', firstAddress: '100.64.8', lastAddress: 'x' }, 400);
    expect(badAddress.body.details.map((d: { field: string }) => d.field)).toEqual(['firstAddress']);

    expect(await count('ip_supernets')).toBe(supernets);
    expect(await count('ip_subnets')).toBe(subnets + 1);
    expect(await count('ip_pools')).toBe(pools + 1);
  });

  it('lets only the configure permission change the plan; read lets a clerk look', async () => {
    const reader = await sut.userWith([Permission.NetworkRead]);
    await sut.http().get('/api/ip-subnets').auth(reader.token, { type: 'bearer' }).expect(200);
    await sut
      .http()
      .post('/api/ip-supernets')
      .auth(reader.token, { type: 'bearer' })
      .send({ name: 'Nope', network: '198.51.100.0/24' })
      .expect(403);
    await sut.http().get('/api/ip-subnets').expect(401);
  });

  it('keeps a subnet whose addresses have a history and deletes an empty one', async () => {
    const [{ id: supernetId }] = (
      await sut
        .http()
        .get('/api/ip-supernets')
        .auth(token, { type: 'bearer' })
        .query({ filter: JSON.stringify({ q: 'Customers', family: 4 }) })
        .expect(200)
    ).body;
    const empty = (await post('ip-subnets', { supernetId, name: 'Spare', network: '100.64.200.0/24' }, 201)).body;
    await sut.http().delete(`/api/ip-subnets/${empty.id}`).auth(token, { type: 'bearer' }).expect(200);
    const inUse = await sut.http().delete(`/api/ip-supernets/${supernetId}`).auth(token, { type: 'bearer' }).expect(409);
    expect(inUse.body.code).toBe('ip_range_in_use');
  });
});
