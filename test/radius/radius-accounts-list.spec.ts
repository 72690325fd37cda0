import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';

describe("an account's RADIUS accounts as a simple-REST list: paged, sorted, searched", () => {
  let sut: TestApp;
  let token: string;
  let accountId: number;
  const auth = <T extends { auth: (t: string, o: { type: 'bearer' }) => T }>(req: T) => req.auth(token, { type: 'bearer' });
  const list = (query: Record<string, string>, status = 200) =>
    auth(sut.http().get(`/api/accounts/${accountId}/radius-accounts`))
      .query(query)
      .expect(status);
  const usernames = (body: { username: string }[]) => body.map((r) => r.username);

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    token = (await sut.admin()).token;
    accountId = await insertAccount(sut.db);
    for (const username of ['carol-pppoe', 'alice-pppoe', 'bob-hotspot', 'dave-pppoe']) {
      await auth(sut.http().post(`/api/accounts/${accountId}/radius-accounts`))
        .send({ username, password: `${username}-secret` })
        .expect(201);
    }
    // Another account's login is never in this account's list.
    const other = await insertAccount(sut.db);
    await auth(sut.http().post(`/api/accounts/${other}/radius-accounts`))
      .send({ username: 'erin-pppoe', password: 'erin-pppoe-secret' })
      .expect(201);
  });
  afterAll(() => sut.close());

  it('answers by username by default, with the total in Content-Range', async () => {
    const res = await list({});
    expect(usernames(res.body)).toEqual(['alice-pppoe', 'bob-hotspot', 'carol-pppoe', 'dave-pppoe']);
    expect(res.headers['content-range']).toBe('radius-accounts 0-3/4');
    expect(JSON.stringify(res.body)).not.toContain('secret');
  });

  it('pages with range and sorts by a sortable column either way', async () => {
    const page = await list({ sort: JSON.stringify(['username', 'DESC']), range: JSON.stringify([1, 2]) });
    expect(usernames(page.body)).toEqual(['carol-pppoe', 'bob-hotspot']);
    expect(page.headers['content-range']).toBe('radius-accounts 1-2/4');
    const byId = await list({ sort: JSON.stringify(['id', 'ASC']) });
    expect(usernames(byId.body)).toEqual(['carol-pppoe', 'alice-pppoe', 'bob-hotspot', 'dave-pppoe']);
  });

  it('filters by part of the username, and by ids for react-admin’s getMany', async () => {
    const found = await list({ filter: JSON.stringify({ q: 'PPPoE' }) });
    expect(usernames(found.body)).toEqual(['alice-pppoe', 'carol-pppoe', 'dave-pppoe']);
    expect(found.headers['content-range']).toBe('radius-accounts 0-2/3');
    // LIKE's own wildcards are searched for as characters.
    expect((await list({ filter: JSON.stringify({ q: '%' }) })).body).toEqual([]);
    const [first] = found.body;
    const byIds = await list({ filter: JSON.stringify({ id: [first.id] }) });
    expect(usernames(byIds.body)).toEqual(['alice-pppoe']);
  });

  it('refuses a column it cannot sort by, a bad range and an unknown filter, naming each', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ sort: JSON.stringify(['password', 'ASC']) }, 'sort', 'sortable'],
      [{ range: JSON.stringify([5, 2]) }, 'range', 'range'],
      [{ filter: JSON.stringify({ password: 'x' }) }, 'filter.password', 'unknownField'],
      [{ page: '2' }, 'page', 'unknownField'],
    ];
    for (const [query, field, rule] of cases) {
      const res = await list(query, 400);
      expect(res.body.details).toEqual([expect.objectContaining({ field, rule })]);
    }
    await auth(sut.http().get('/api/accounts/999999/radius-accounts')).expect(404);
  });
});
