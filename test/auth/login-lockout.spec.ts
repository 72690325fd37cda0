import { Clock } from '../../src/common/clock';
import { createTestApp, TestApp } from '../support/test-app';

describe('login lockout after ten failures', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await createTestApp();
  });
  afterAll(() => sut.close());

  it('locks the user for the configured time, even against the right password, then lets them in', async () => {
    const user = await sut.userWith([]);
    const clock = sut.app.get(Clock);
    const start = new Date();
    const now = jest.spyOn(clock, 'now').mockReturnValue(start);

    for (let attempt = 1; attempt <= 9; attempt++) {
      const res = await sut.http().post('/api/auth/login').send({ email: user.email, password: 'wrong-password' });
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('Email or password is wrong');
    }
    // The ninth failure still leaves the right password working…
    const [{ attempts }] = await sut.db.query('SELECT failed_login_attempts AS attempts FROM staff_users WHERE id = ?', [user.id]);
    expect(Number(attempts)).toBe(9);

    // …the tenth locks.
    await sut.http().post('/api/auth/login').send({ email: user.email, password: 'wrong-password' }).expect(401);
    const locked = await sut.http().post('/api/auth/login').send({ email: user.email, password: user.password });
    expect(locked.status).toBe(423);
    expect(locked.body.message).toMatch(/Too many failed logins/);

    now.mockReturnValue(new Date(start.getTime() + 14 * 60_000));
    await sut.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(423);

    now.mockReturnValue(new Date(start.getTime() + 16 * 60_000));
    const ok = await sut.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
    expect(ok.body.token).toEqual(expect.any(String));
    now.mockRestore();

    const trail = await sut.db.query(
      "SELECT action FROM action_history WHERE entity_type = 'staff_user' AND entity_id = ? AND action IN ('login_failed','lock') ORDER BY id",
      [String(user.id)],
    );
    expect(trail.map((r: { action: string }) => r.action)).toEqual([...Array(9).fill('login_failed'), 'lock']);
  });

  it('resets the failure count after a successful login', async () => {
    const user = await sut.userWith([]);
    for (let i = 0; i < 5; i++) await sut.http().post('/api/auth/login').send({ email: user.email, password: 'nope' }).expect(401);
    await sut.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
    const [{ attempts }] = await sut.db.query('SELECT failed_login_attempts AS attempts FROM staff_users WHERE id = ?', [user.id]);
    expect(Number(attempts)).toBe(0);
  });

  it('gives the same answer for an unknown email as for a wrong password', async () => {
    const res = await sut.http().post('/api/auth/login').send({ email: 'nobody@test.backhaul.local', password: 'whatever' }).expect(401);
    expect(res.body.message).toBe('Email or password is wrong');
  });

  it('refuses a deactivated user and ends their sessions', async () => {
    const admin = await sut.admin();
    const user = await sut.userWith([]);
    await sut.http().get('/api/auth/me').auth(user.token, { type: 'bearer' }).expect(200);
    await sut.http().put(`/api/users/${user.id}`).auth(admin.token, { type: 'bearer' }).send({ active: false }).expect(200);
    await sut.http().get('/api/auth/me').auth(user.token, { type: 'bearer' }).expect(401);
    await sut.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(401);
  });
});
