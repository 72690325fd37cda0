import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../support/test-app';
import { auditEntries, insertAccount } from './account-fixture';

describe('every contact mutation leaves one audit entry tied to its account', () => {
  let sut: TestApp;
  let token: string;
  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
  });
  afterAll(() => sut.close());

  it('records create, update, credentials, become-primary and delete once each, with the account id', async () => {
    const accountId = await insertAccount(sut.db);
    const auth = { type: 'bearer' } as const;
    const expectOneEntry = async (requestId: string, action: string, entityId: number) => {
      const entries = await auditEntries(sut.db, requestId);
      expect(entries).toEqual([expect.objectContaining({ action, entityType: 'contact', entityId: String(entityId), accountId })]);
      expect(JSON.stringify(entries)).not.toMatch(/argon2|redacted|passwordHash/);
      return entries[0];
    };
    const id = () => `contact-${randomUUID()}`;

    let requestId = id();
    const jane = (
      await sut
        .http()
        .post('/api/contacts')
        .auth(token, auth)
        .set('X-Request-Id', requestId)
        .send({ accountId, name: 'Jane', portalUsername: `jane-${randomUUID().slice(0, 8)}`, portalPassword: 'correct horse battery' })
        .expect(201)
    ).body;
    const created = await expectOneEntry(requestId, 'create', jane.id);
    expect(created.after).toMatchObject({ name: 'Jane', isPrimary: true, hasPortalPassword: true });

    requestId = id();
    await sut
      .http()
      .put(`/api/contacts/${jane.id}`)
      .auth(token, auth)
      .set('X-Request-Id', requestId)
      .send({ name: 'Jane Rivera' })
      .expect(200);
    const updated = await expectOneEntry(requestId, 'update', jane.id);
    expect(updated).toMatchObject({ before: { name: 'Jane' }, after: { name: 'Jane Rivera' } });
    const [{ document }] = await sut.db.query('SELECT document FROM account_search WHERE account_id = ?', [accountId]);
    expect(document).toContain('Jane Rivera');

    requestId = id();
    await sut
      .http()
      .put(`/api/contacts/${jane.id}/portal-credentials`)
      .auth(token, auth)
      .set('X-Request-Id', requestId)
      .send({ username: `jr-${randomUUID().slice(0, 8)}`, password: 'another good password' })
      .expect(200);
    await expectOneEntry(requestId, 'set_portal_credentials', jane.id);

    requestId = id();
    await sut.http().delete(`/api/contacts/${jane.id}/portal-credentials`).auth(token, auth).set('X-Request-Id', requestId).expect(200);
    await expectOneEntry(requestId, 'remove_portal_credentials', jane.id);

    const alex = (await sut.http().post('/api/contacts').auth(token, auth).send({ accountId, name: 'Alex' }).expect(201)).body;
    requestId = id();
    await sut.http().post(`/api/contacts/${alex.id}/become-primary`).auth(token, auth).set('X-Request-Id', requestId).expect(200);
    const moved = await expectOneEntry(requestId, 'become_primary', alex.id);
    expect(moved.after).toMatchObject({ isPrimary: true, previousPrimaryContactId: jane.id });

    requestId = id();
    await sut.http().delete(`/api/contacts/${jane.id}`).auth(token, auth).set('X-Request-Id', requestId).expect(200);
    const deleted = await expectOneEntry(requestId, 'delete', jane.id);
    expect(deleted.before).toMatchObject({ name: 'Jane Rivera' });

    requestId = id();
    await sut.http().delete(`/api/contacts/${alex.id}`).auth(token, auth).set('X-Request-Id', requestId).expect(200);
    await expectOneEntry(requestId, 'delete', alex.id);
  });

  it('records nothing when a mutation is refused', async () => {
    const accountId = await insertAccount(sut.db);
    const auth = { type: 'bearer' } as const;
    const first = (await sut.http().post('/api/contacts').auth(token, auth).send({ accountId, name: 'Jane' }).expect(201)).body;
    await sut.http().post('/api/contacts').auth(token, auth).send({ accountId, name: 'Alex' }).expect(201);
    const requestId = `refused-${randomUUID()}`;
    await sut.http().delete(`/api/contacts/${first.id}`).auth(token, auth).set('X-Request-Id', requestId).expect(409);
    await expect(auditEntries(sut.db, requestId)).resolves.toEqual([]);
  });
});
