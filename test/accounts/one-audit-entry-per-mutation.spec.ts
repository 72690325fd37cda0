import { createTestApp, TestApp } from '../support/test-app';
import { accountBody, auditCount, createLookups, Lookups, unique } from './accounts-fixture';

describe('every account mutation leaves exactly one audit entry', () => {
  let sut: TestApp;
  let token: string;
  let lookups: Lookups;
  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
    lookups = await createLookups(sut, token);
  });
  afterAll(() => sut.close());

  it('create, update of several parts at once, and re-parenting each write one entry with the account id', async () => {
    const createId = `create-${unique()}`;
    const parent = await sut
      .http()
      .post('/api/accounts')
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', createId)
      .send(accountBody(lookups))
      .expect(201);
    expect(await auditCount(sut.db, createId)).toEqual({ n: 1, accountIds: [parent.body.id] });

    const childId = `child-${unique()}`;
    const child = await sut
      .http()
      .post('/api/accounts')
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', childId)
      .send(accountBody(lookups, { parentAccountId: parent.body.id, groupIds: [lookups.groupId] }))
      .expect(201);
    expect(await auditCount(sut.db, childId)).toEqual({ n: 1, accountIds: [child.body.id] });

    const updateId = `update-${unique()}`;
    await sut
      .http()
      .put(`/api/accounts/${child.body.id}`)
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', updateId)
      .send({ name: 'Changed', accountStatusId: lookups.activeStatusId, groupIds: [], parentAccountId: null })
      .expect(200);
    expect(await auditCount(sut.db, updateId)).toEqual({ n: 1, accountIds: [child.body.id] });
    const [entry] = await sut.db.query(
      'SELECT action, before_state AS beforeState, after_state AS afterState FROM action_history WHERE request_id = ?',
      [updateId],
    );
    const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    expect(entry.action).toBe('update');
    expect(json(entry.beforeState)).toMatchObject({ parentAccountId: parent.body.id, groupIds: [lookups.groupId] });
    expect(json(entry.afterState)).toMatchObject({ name: 'Changed', parentAccountId: null, groupIds: [] });
  });
});
