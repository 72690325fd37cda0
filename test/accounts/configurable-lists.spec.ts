import { createTestApp, TestApp } from '../support/test-app';
import { auditCount, createAccount, createLookups, unique } from './accounts-fixture';

describe('account types, statuses and groups', () => {
  let sut: TestApp;
  let token: string;
  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
  });
  afterAll(() => sut.close());

  it.each([
    ['account-types', { description: 'Homes' }, { description: 'Houses' }],
    ['account-statuses', { countsAsActive: false, isDelinquency: true, color: '#b71c1c' }, { color: '#ffffff' }],
    ['account-groups', { description: 'Fiber customers' }, { description: 'FTTH' }],
  ])('%s: create, get, list, update and delete, each audited once', async (resource, extra, change) => {
    const name = `Item ${unique()}`;
    const createId = `create-${unique()}`;
    const created = await sut
      .http()
      .post(`/api/${resource}`)
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', createId)
      .send({ name, ...extra })
      .expect(201);
    expect(created.body).toMatchObject({ id: expect.any(Number), name, ...extra });
    expect((await auditCount(sut.db, createId)).n).toBe(1);

    const got = await sut.http().get(`/api/${resource}/${created.body.id}`).auth(token, { type: 'bearer' }).expect(200);
    expect(got.body).toEqual(created.body);

    const list = await sut
      .http()
      .get(`/api/${resource}?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`)
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(list.body).toEqual([created.body]);
    expect(list.headers['content-range']).toBe(`${resource} 0-0/1`);

    const updateId = `update-${unique()}`;
    const updated = await sut
      .http()
      .put(`/api/${resource}/${created.body.id}`)
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', updateId)
      .send(change)
      .expect(200);
    expect(updated.body).toMatchObject({ name, ...change });
    expect((await auditCount(sut.db, updateId)).n).toBe(1);

    const deleteId = `delete-${unique()}`;
    await sut
      .http()
      .delete(`/api/${resource}/${created.body.id}`)
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', deleteId)
      .expect(200);
    expect((await auditCount(sut.db, deleteId)).n).toBe(1);
    await sut.http().get(`/api/${resource}/${created.body.id}`).auth(token, { type: 'bearer' }).expect(404);
  });

  it('refuses a duplicate name with 409', async () => {
    const name = `Twin ${unique()}`;
    await sut.http().post('/api/account-types').auth(token, { type: 'bearer' }).send({ name }).expect(201);
    const res = await sut.http().post('/api/account-types').auth(token, { type: 'bearer' }).send({ name }).expect(409);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'name', rule: 'unique' })]);
  });

  it('refuses a color that is not #rrggbb', async () => {
    const res = await sut
      .http()
      .post('/api/account-statuses')
      .auth(token, { type: 'bearer' })
      .send({ name: `Odd ${unique()}`, color: 'green' })
      .expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'color' })]);
  });

  it('refuses to delete a type, status or group while an account uses it, and writes nothing', async () => {
    const lookups = await createLookups(sut, token);
    await createAccount(sut, token, lookups, { groupIds: [lookups.groupId] });
    for (const [resource, id] of [
      ['account-types', lookups.typeId],
      ['account-statuses', lookups.pendingStatusId],
      ['account-groups', lookups.groupId],
    ] as const) {
      const requestId = `refused-${unique()}`;
      const res = await sut
        .http()
        .delete(`/api/${resource}/${id}`)
        .auth(token, { type: 'bearer' })
        .set('X-Request-Id', requestId)
        .expect(409);
      expect(res.body.message).toMatch(/cannot be deleted: 1 account/);
      expect((await auditCount(sut.db, requestId)).n).toBe(0);
      await sut.http().get(`/api/${resource}/${id}`).auth(token, { type: 'bearer' }).expect(200);
    }
  });
});
