import { createTestApp, TestApp } from '../support/test-app';

describe('sessions for the panel and for API clients', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await createTestApp();
  });
  afterAll(() => sut.close());

  it('sets an httpOnly cookie that authenticates the panel, and logout ends it', async () => {
    const user = await sut.userWith([]);
    const login = await sut.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/^backhaul_session=[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = cookie.split(';')[0];

    const me = await sut.http().get('/api/auth/me').set('Cookie', session).expect(200);
    expect(me.body.email).toBe(user.email);

    await sut.http().post('/api/auth/logout').set('Cookie', session).expect(204);
    await sut.http().get('/api/auth/me').set('Cookie', session).expect(401);
  });

  it('accepts the token as a bearer header', async () => {
    const user = await sut.userWith([]);
    await sut.http().get('/api/auth/me').auth(user.token, { type: 'bearer' }).expect(200);
    await sut.http().post('/api/auth/logout').auth(user.token, { type: 'bearer' }).expect(204);
    await sut.http().get('/api/auth/me').auth(user.token, { type: 'bearer' }).expect(401);
  });

  it('accepts the email in any letter case', async () => {
    const user = await sut.userWith([]);
    await sut.http().post('/api/auth/login').send({ email: user.email.toUpperCase(), password: user.password }).expect(200);
  });
});
