import { createTestApp, TestApp } from '../support/test-app';
import { accountBody, auditCount, createAccount, createLookups, Lookups, unique } from './accounts-fixture';

describe('parent and child accounts', () => {
  let sut: TestApp;
  let token: string;
  let lookups: Lookups;
  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
    lookups = await createLookups(sut, token);
  });
  afterAll(() => sut.close());

  const put = (id: number, body: object, requestId = `put-${unique()}`) =>
    sut.http().put(`/api/accounts/${id}`).auth(token, { type: 'bearer' }).set('X-Request-Id', requestId).send(body);

  it('links a child to a parent, and a parent may have several children', async () => {
    const parent = await createAccount(sut, token, lookups);
    const first = await createAccount(sut, token, lookups, { parentAccountId: parent.id });
    const second = await createAccount(sut, token, lookups);
    const linked = await put(second.id, { parentAccountId: parent.id }).expect(200);
    expect(first.parentAccountId).toBe(parent.id);
    expect(linked.body.parentAccountId).toBe(parent.id);
  });

  it('refuses an account as its own parent', async () => {
    const account = await createAccount(sut, token, lookups);
    const requestId = `self-${unique()}`;
    const res = await put(account.id, { parentAccountId: account.id }, requestId).expect(409);
    expect(res.body.message).toMatch(/cannot be its own parent/);
    expect((await auditCount(sut.db, requestId)).n).toBe(0);
  });

  it('refuses a child as a parent (no grandchildren), on create and on update', async () => {
    const parent = await createAccount(sut, token, lookups);
    const child = await createAccount(sut, token, lookups, { parentAccountId: parent.id });
    const created = await sut
      .http()
      .post('/api/accounts')
      .auth(token, { type: 'bearer' })
      .send({ ...accountBody(lookups), parentAccountId: child.id })
      .expect(409);
    expect(created.body.message).toMatch(/is itself a child .* cannot be a parent/);
    const other = await createAccount(sut, token, lookups);
    const res = await put(other.id, { parentAccountId: child.id }).expect(409);
    expect(res.body.message).toMatch(/cannot be a parent/);
    expect((await sut.http().get(`/api/accounts/${other.id}`).auth(token, { type: 'bearer' }).expect(200)).body.parentAccountId).toBeNull();
  });

  it('refuses to make a parent into a child, which would also close a cycle', async () => {
    const parent = await createAccount(sut, token, lookups);
    const child = await createAccount(sut, token, lookups, { parentAccountId: parent.id });
    const cycle = await put(parent.id, { parentAccountId: child.id }).expect(409);
    expect(cycle.body.message).toMatch(/cannot be a parent|cannot become a child/);
    const elsewhere = await createAccount(sut, token, lookups);
    const res = await put(parent.id, { parentAccountId: elsewhere.id }).expect(409);
    expect(res.body.message).toMatch(/is the parent of 1 account\(s\), so it cannot become a child/);
  });

  it('answers 400 for a parent that does not exist', async () => {
    const account = await createAccount(sut, token, lookups);
    const res = await put(account.id, { parentAccountId: 987654321 }).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'parentAccountId', rule: 'exists' })]);
  });
});
