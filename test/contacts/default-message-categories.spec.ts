import { randomUUID } from 'node:crypto';
import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';
import { insertAccount } from './account-fixture';

describe('message categories and the defaults given to new contacts', () => {
  let sut: TestApp;
  let token: string;
  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
  });
  afterAll(() => sut.close());

  const auth = { type: 'bearer' } as const;
  const category = async (name: string, isDefault: boolean): Promise<number> =>
    (await sut.http().post('/api/message-categories').auth(token, auth).send({ name, isDefault }).expect(201)).body.id;

  it('attaches the default categories when none are chosen, and exactly the chosen ones otherwise', async () => {
    const suffix = randomUUID().slice(0, 8);
    const outages = await category(`Outages ${suffix}`, true);
    const billing = await category(`Billing ${suffix}`, true);
    const offers = await category(`Offers ${suffix}`, false);
    const accountId = await insertAccount(sut.db);

    const defaulted = await sut.http().post('/api/contacts').auth(token, auth).send({ accountId, name: 'Jane' }).expect(201);
    expect(defaulted.body.messageCategoryIds).toEqual(expect.arrayContaining([outages, billing]));
    expect(defaulted.body.messageCategoryIds).not.toContain(offers);

    const chosen = await sut
      .http()
      .post('/api/contacts')
      .auth(token, auth)
      .send({ accountId, name: 'Alex', messageCategoryIds: [offers] })
      .expect(201);
    expect(chosen.body.messageCategoryIds).toEqual([offers]);
    const none = await sut
      .http()
      .post('/api/contacts')
      .auth(token, auth)
      .send({ accountId, name: 'Sam', messageCategoryIds: [] })
      .expect(201);
    expect(none.body.messageCategoryIds).toEqual([]);

    const missing = await sut
      .http()
      .post('/api/contacts')
      .auth(token, auth)
      .send({ accountId, name: 'Kim', messageCategoryIds: [999999999] })
      .expect(400);
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'messageCategoryIds', rule: 'exists' })]);

    const updated = await sut
      .http()
      .put(`/api/contacts/${defaulted.body.id}`)
      .auth(token, auth)
      .send({ messageCategoryIds: [offers, outages] })
      .expect(200);
    expect(updated.body.messageCategoryIds).toEqual([outages, offers].sort((a, b) => a - b));

    // Deleting a category takes it off the contacts that had it.
    await sut.http().delete(`/api/message-categories/${offers}`).auth(token, auth).expect(200);
    const after = await sut.http().get(`/api/contacts/${defaulted.body.id}`).auth(token, auth).expect(200);
    expect(after.body.messageCategoryIds).toEqual([outages]);
  });

  it('edits categories with accounts.configure, audited, and shows them with accounts.read', async () => {
    const name = `Newsletter ${randomUUID().slice(0, 8)}`;
    const requestId = `category-${randomUUID()}`;
    const created = await sut
      .http()
      .post('/api/message-categories')
      .auth(token, auth)
      .set('X-Request-Id', requestId)
      .send({ name })
      .expect(201);
    expect(created.body).toEqual({ id: expect.any(Number), name, isDefault: false });
    const [{ n }] = await sut.db.query('SELECT COUNT(*) AS n FROM action_history WHERE request_id = ? AND entity_type = ?', [
      requestId,
      'message_category',
    ]);
    expect(Number(n)).toBe(1);

    const clash = await sut.http().post('/api/message-categories').auth(token, auth).send({ name }).expect(409);
    expect(clash.body.details).toEqual([expect.objectContaining({ field: 'name', rule: 'unique' })]);
    const renamed = await sut
      .http()
      .put(`/api/message-categories/${created.body.id}`)
      .auth(token, auth)
      .send({ isDefault: true })
      .expect(200);
    expect(renamed.body).toEqual({ id: created.body.id, name, isDefault: true });

    const reader = await sut.userWith([Permission.AccountsRead]);
    const listed = await sut
      .http()
      .get(`/api/message-categories?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`)
      .auth(reader.token, auth)
      .expect(200);
    expect(listed.body).toEqual([renamed.body]);
    await sut
      .http()
      .post('/api/message-categories')
      .auth(reader.token, auth)
      .send({ name: `${name} 2` })
      .expect(403);
    const manager = await sut.userWith([Permission.AccountsRead, Permission.AccountsManage]);
    await sut.http().delete(`/api/message-categories/${created.body.id}`).auth(manager.token, auth).expect(403);
    await sut.http().delete(`/api/message-categories/${created.body.id}`).auth(token, auth).expect(200);
    await sut.http().get(`/api/message-categories/${created.body.id}`).auth(token, auth).expect(404);
  });
});
