import { createTestApp, TestApp } from '../support/test-app';
import { createAccount, createLookups, Lookups, unique } from './accounts-fixture';

describe('accounts list, filters, sort and CSV export', () => {
  let sut: TestApp;
  let token: string;
  let lookups: Lookups;
  let parent: { id: number; name: string };
  let children: { id: number; name: string }[];
  const tag = unique().replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);

  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
    lookups = await createLookups(sut, token);
    parent = await createAccount(sut, token, lookups, { name: `Zulu ${tag}`, accountStatusId: lookups.activeStatusId });
    children = [
      await createAccount(sut, token, lookups, { name: `Bravo ${tag}`, parentAccountId: parent.id, groupIds: [lookups.groupId] }),
      await createAccount(sut, token, lookups, { name: `Alpha, "${tag}"`, parentAccountId: parent.id }),
    ];
  });
  afterAll(() => sut.close());

  const list = (filter: object, sort?: [string, string]) =>
    sut
      .http()
      .get(
        `/api/accounts?filter=${encodeURIComponent(JSON.stringify(filter))}${sort ? `&sort=${encodeURIComponent(JSON.stringify(sort))}` : ''}`,
      )
      .auth(token, { type: 'bearer' })
      .expect(200);

  it('filters by type, status, group, parent and id, and sorts', async () => {
    const byType = await list({ accountTypeId: lookups.typeId }, ['name', 'ASC']);
    expect(byType.body.map((a: { id: number }) => a.id)).toEqual([children[1].id, children[0].id, parent.id]);
    expect(byType.headers['content-range']).toBe('accounts 0-2/3');
    await expect(
      list({ accountTypeId: lookups.typeId }, ['id', 'DESC']).then((r) => r.body.map((a: { id: number }) => a.id)),
    ).resolves.toEqual([children[1].id, children[0].id, parent.id]);
    await expect(list({ accountStatusId: lookups.activeStatusId }).then((r) => r.body.map((a: { id: number }) => a.id))).resolves.toEqual([
      parent.id,
    ]);
    await expect(list({ groupId: lookups.groupId }).then((r) => r.body.map((a: { id: number }) => a.id))).resolves.toEqual([
      children[0].id,
    ]);
    await expect(
      list({ parentAccountId: parent.id }, ['createdAt', 'ASC']).then((r) => r.body.map((a: { id: number }) => a.id)),
    ).resolves.toEqual([children[0].id, children[1].id]);
    await expect(
      list({ id: [parent.id, children[1].id] }, ['id', 'ASC']).then((r) => r.body.map((a: { id: number }) => a.id)),
    ).resolves.toEqual([parent.id, children[1].id]);
  });

  it('filters with the global search through q', async () => {
    const res = await list({ q: tag, accountStatusId: lookups.activeStatusId });
    expect(res.body.map((a: { id: number }) => a.id)).toEqual([parent.id]);
  });

  it('refuses an unknown filter or sort field with 400', async () => {
    await sut
      .http()
      .get(`/api/accounts?filter=${encodeURIComponent('{"colour":"red"}')}`)
      .auth(token, { type: 'bearer' })
      .expect(400);
    await sut
      .http()
      .get(`/api/accounts?sort=${encodeURIComponent('["serviceCity","ASC"]')}`)
      .auth(token, { type: 'bearer' })
      .expect(400);
  });

  it('exports the same filter and sort as CSV, quoting what needs it', async () => {
    const res = await sut
      .http()
      .get(
        `/api/accounts/export.csv?filter=${encodeURIComponent(JSON.stringify({ accountTypeId: lookups.typeId }))}&sort=${encodeURIComponent('["name","ASC"]')}`,
      )
      .auth(token, { type: 'bearer' })
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c.toString('utf8')));
        r.on('end', () => done(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = (res.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,name,account_type_id,account_status_id,group_ids,parent_account_id/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([String(children[1].id), String(children[0].id), String(parent.id)]);
    expect(lines[1]).toContain(`"Alpha, ""${tag}"""`);
  });
});
