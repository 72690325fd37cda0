import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../support/test-app';

describe('passwords, hashes and tokens', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await createTestApp();
  });
  afterAll(() => sut.close());

  it('stores passwords as argon2id and never shows a hash, password or token in a response or a log line', async () => {
    const admin = await sut.admin();
    const password = 'correct-horse-battery-staple';
    const email = `leak-check-${randomUUID()}@test.backhaul.local`;
    const bodies: string[] = [];
    const keep = <T extends { text: string; headers: Record<string, unknown> }>(res: T) => {
      bodies.push(res.text, JSON.stringify({ ...res.headers, 'set-cookie': undefined }));
      return res;
    };

    const created = keep(
      await sut.http().post('/api/users').auth(admin.token, { type: 'bearer' }).send({ email, name: 'Leak Check', password }).expect(201),
    );
    const id = created.body.id;
    const [{ hash }] = await sut.db.query('SELECT password_hash AS hash FROM staff_users WHERE id = ?', [id]);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=4\$/);

    const login = await sut.http().post('/api/auth/login').send({ email, password }).expect(200);
    const token: string = login.body.token;
    keep(await sut.http().get('/api/auth/me').auth(token, { type: 'bearer' }).expect(200));
    keep(await sut.http().get(`/api/users/${id}`).auth(admin.token, { type: 'bearer' }).expect(200));
    keep(await sut.http().get('/api/users?range=[0,999]').auth(admin.token, { type: 'bearer' }).expect(200));
    keep(
      await sut
        .http()
        .put(`/api/users/${id}`)
        .auth(admin.token, { type: 'bearer' })
        .send({ password: 'another-long-password' })
        .expect(200),
    );
    keep(await sut.http().get(`/api/action-history?filter={"entityId":"${id}"}`).auth(admin.token, { type: 'bearer' }).expect(200));
    keep(
      await sut.http().get(`/api/action-history/export.csv?filter={"entityId":"${id}"}`).auth(admin.token, { type: 'bearer' }).expect(200),
    );
    keep(await sut.http().post('/api/auth/login').send({ email, password: 'wrong' }).expect(401));

    const [{ newHash }] = await sut.db.query('SELECT password_hash AS newHash FROM staff_users WHERE id = ?', [id]);
    const secrets = [password, 'another-long-password', hash, newHash, token, admin.token];
    const everything = [...bodies, ...sut.logs.lines];
    expect(sut.logs.lines.length).toBeGreaterThan(5);
    for (const secret of secrets) {
      expect(everything.filter((text) => text.includes(secret))).toEqual([]);
    }
    // The audit trail records that the password changed, not what it is.
    const audit = await sut.db.query(
      "SELECT after_state AS afterState FROM action_history WHERE entity_type = 'staff_user' AND entity_id = ? AND action = 'update'",
      [String(id)],
    );
    expect(audit[0].afterState).toMatchObject({ passwordChanged: true });
  });
});
