import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';

describe('DHCP servers as a simple-REST list: paged, sorted, searched, the host database login never searchable', () => {
  let sut: TestApp;
  let token: string;
  const auth = <T extends { auth: (t: string, o: { type: 'bearer' }) => T }>(req: T) => req.auth(token, { type: 'bearer' });
  const list = (query: Record<string, string>, status = 200) => auth(sut.http().get('/api/dhcp-servers')).query(query).expect(status);
  const names = (body: { name: string }[]) => body.map((s) => s.name);

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    token = (await sut.admin()).token;
    const servers = [
      { name: 'Tower 2 Kea', relayAddresses: ['10.20.0.1'] },
      { name: 'Core Kea', relayAddresses: ['10.10.0.1', '10.10.0.2'], controlSocket: '/run/kea/core.sock' },
      { name: 'Tower 9 Kea', relayAddresses: [] },
    ];
    for (const server of servers) {
      await auth(sut.http().post('/api/dhcp-servers'))
        .send({ ...server, hostsDatabaseUrl: 'mysql://kea:sekrit-pass@127.0.0.1:3306/kea' })
        .expect(201);
    }
  });
  afterAll(() => sut.close());

  it('answers by name by default, with the total in Content-Range', async () => {
    const res = await list({});
    expect(names(res.body)).toEqual(['Core Kea', 'Tower 2 Kea', 'Tower 9 Kea']);
    expect(res.headers['content-range']).toBe('dhcp-servers 0-2/3');
    expect(JSON.stringify(res.body)).not.toContain('sekrit');
  });

  it('pages with range and sorts by a sortable column either way', async () => {
    const page = await list({ sort: JSON.stringify(['name', 'DESC']), range: JSON.stringify([0, 1]) });
    expect(names(page.body)).toEqual(['Tower 9 Kea', 'Tower 2 Kea']);
    expect(page.headers['content-range']).toBe('dhcp-servers 0-1/3');
    expect(names((await list({ sort: JSON.stringify(['id', 'ASC']) })).body)).toEqual(['Tower 2 Kea', 'Core Kea', 'Tower 9 Kea']);
  });

  it('finds by part of the name, the control socket or a relay address, and by ids', async () => {
    expect(names((await list({ filter: JSON.stringify({ q: 'tower' }) })).body)).toEqual(['Tower 2 Kea', 'Tower 9 Kea']);
    expect(names((await list({ filter: JSON.stringify({ q: 'core.sock' }) })).body)).toEqual(['Core Kea']);
    expect(names((await list({ filter: JSON.stringify({ q: '10.10.0.2' }) })).body)).toEqual(['Core Kea']);
    const [core] = (await list({})).body;
    expect(names((await list({ filter: JSON.stringify({ id: [core.id] }) })).body)).toEqual(['Core Kea']);
  });

  it('never matches a search against the host database URL, which holds the password', async () => {
    for (const q of ['sekrit', 'kea:', '3306']) {
      const res = await list({ filter: JSON.stringify({ q }) });
      expect(res.body).toEqual([]);
      expect(res.headers['content-range']).toBe('dhcp-servers 0-0/0');
    }
  });

  it('refuses a column it cannot sort by, a bad range and an unknown filter, naming each', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ sort: JSON.stringify(['hostsDatabaseUrl', 'ASC']) }, 'sort', 'sortable'],
      [{ range: JSON.stringify([0, 5000]) }, 'range', 'range'],
      [{ filter: JSON.stringify({ hostsDatabaseUrl: 'mysql://' }) }, 'filter.hostsDatabaseUrl', 'unknownField'],
      [{ filter: '{"q":' }, 'filter', 'json'],
    ];
    for (const [query, field, rule] of cases) {
      const res = await list(query, 400);
      expect(res.body.details).toEqual([expect.objectContaining({ field, rule })]);
    }
  });
});
