import { randomUUID } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { createTestApp, TestApp } from '../support/test-app';
import { insertAccount } from './account-fixture';

describe('the portal password never leaves the server', () => {
  let sut: TestApp;
  let token: string;
  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
  });
  afterAll(() => sut.close());

  it('is absent from every response and stored only as an argon2id hash', async () => {
    const accountId = await insertAccount(sut.db);
    const password = `pw-${randomUUID()}`;
    const replacement = `pw-${randomUUID()}`;
    const auth = { type: 'bearer' } as const;
    const bodies: string[] = [];
    const keep = (res: { text: string }) => bodies.push(res.text);

    const created = await sut
      .http()
      .post('/api/contacts')
      .auth(token, auth)
      .send({ accountId, name: 'Jane', portalUsername: `jane-${randomUUID().slice(0, 8)}`, portalPassword: password })
      .expect(201);
    keep(created);
    const id = created.body.id;
    expect(created.body.hasPortalPassword).toBe(true);
    keep(await sut.http().get(`/api/contacts/${id}`).auth(token, auth).expect(200));
    keep(
      await sut
        .http()
        .get(`/api/contacts?filter=${encodeURIComponent(JSON.stringify({ accountId }))}`)
        .auth(token, auth)
        .expect(200),
    );
    keep(await sut.http().put(`/api/contacts/${id}`).auth(token, auth).send({ role: 'Owner' }).expect(200));
    keep(
      await sut
        .http()
        .put(`/api/contacts/${id}/portal-credentials`)
        .auth(token, auth)
        .send({ username: `jane-${randomUUID().slice(0, 8)}`, password: replacement })
        .expect(200),
    );

    const [{ hash }] = await sut.db.query('SELECT portal_password_hash AS hash FROM contacts WHERE id = ?', [id]);
    expect(hash).toMatch(/^\$argon2id\$/);
    await expect(verify(hash, replacement)).resolves.toBe(true);

    const history = await sut.db.query('SELECT before_state, after_state FROM action_history WHERE entity_type = ? AND entity_id = ?', [
      'contact',
      String(id),
    ]);
    for (const text of [...bodies, JSON.stringify(history)]) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(replacement);
      expect(text).not.toContain('$argon2');
      expect(text).not.toContain('[redacted]');
      expect(text).not.toMatch(/passwordHash|password_hash/i);
    }
  });
});
