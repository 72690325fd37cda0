import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../support/test-app';
import { insertAccount } from './account-fixture';

describe('portal credentials', () => {
  let sut: TestApp;
  let token: string;
  let accountId: number;
  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
    accountId = await insertAccount(sut.db);
  });
  afterAll(() => sut.close());

  const username = () => `jane.${randomUUID().slice(0, 8)}`;
  const post = (body: object) =>
    sut
      .http()
      .post('/api/contacts')
      .auth(token, { type: 'bearer' })
      .send({ accountId, name: 'Jane', ...body });
  const contactCount = async () =>
    Number((await sut.db.query('SELECT COUNT(*) AS n FROM contacts WHERE account_id = ?', [accountId]))[0].n);

  it('wants the password when a username is given, and the username when a password is given', async () => {
    const before = await contactCount();
    const noPassword = await post({ portalUsername: username() }).expect(400);
    expect(noPassword.body.details).toEqual([expect.objectContaining({ field: 'portalPassword', rule: 'required' })]);
    const noUsername = await post({ portalPassword: 'correct horse battery' }).expect(400);
    expect(noUsername.body.details).toEqual([expect.objectContaining({ field: 'portalUsername', rule: 'required' })]);
    await expect(contactCount()).resolves.toBe(before);
  });

  it('keeps usernames unique across all contacts, whichever account they are on', async () => {
    const taken = username();
    await post({ portalUsername: taken, portalPassword: 'correct horse battery' }).expect(201);
    const otherAccount = await insertAccount(sut.db);
    const clash = await sut
      .http()
      .post('/api/contacts')
      .auth(token, { type: 'bearer' })
      .send({ accountId: otherAccount, name: 'Other', portalUsername: taken, portalPassword: 'another good password' })
      .expect(409);
    expect(clash.body.details).toEqual([expect.objectContaining({ field: 'portalUsername', rule: 'unique' })]);

    const other = await post({}).expect(201);
    const viaPut = await sut
      .http()
      .put(`/api/contacts/${other.body.id}/portal-credentials`)
      .auth(token, { type: 'bearer' })
      .send({ username: taken, password: 'another good password' })
      .expect(409);
    expect(viaPut.body.details).toEqual([expect.objectContaining({ field: 'username', rule: 'unique' })]);
  });

  it('sets, replaces and removes credentials, and refuses them on the ordinary update', async () => {
    const contact = await post({}).expect(201);
    expect(contact.body).toMatchObject({ portalUsername: null, hasPortalPassword: false });

    const first = username();
    const set = await sut
      .http()
      .put(`/api/contacts/${contact.body.id}/portal-credentials`)
      .auth(token, { type: 'bearer' })
      .send({ username: first, password: 'first good password' })
      .expect(200);
    expect(set.body).toMatchObject({ portalUsername: first, hasPortalPassword: true });

    // Replacing with the contact's own username is not a clash with itself.
    await sut
      .http()
      .put(`/api/contacts/${contact.body.id}/portal-credentials`)
      .auth(token, { type: 'bearer' })
      .send({ username: first, password: 'second good password' })
      .expect(200);

    const halfPut = await sut
      .http()
      .put(`/api/contacts/${contact.body.id}/portal-credentials`)
      .auth(token, { type: 'bearer' })
      .send({ username: username() })
      .expect(400);
    expect(halfPut.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));

    const viaUpdate = await sut
      .http()
      .put(`/api/contacts/${contact.body.id}`)
      .auth(token, { type: 'bearer' })
      .send({ portalUsername: username(), portalPassword: 'sneaky password' })
      .expect(400);
    expect(viaUpdate.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'portalUsername', rule: 'unknownField' })]),
    );

    const removed = await sut
      .http()
      .delete(`/api/contacts/${contact.body.id}/portal-credentials`)
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(removed.body).toMatchObject({ portalUsername: null, hasPortalPassword: false });
    const [row] = await sut.db.query('SELECT portal_username, portal_password_hash FROM contacts WHERE id = ?', [contact.body.id]);
    expect(row).toEqual({ portal_username: null, portal_password_hash: null });
  });
});
