import { readdirSync } from 'node:fs';
import type { Response } from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';

/** The Content-Security-Policy header as directive → sources. */
function policyOf(res: Response): Record<string, string[]> {
  const header = res.headers['content-security-policy'];
  expect(header).toEqual(expect.any(String));
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

function expectCommonHeaders(res: Response): void {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['x-powered-by']).toBeUndefined();
  expect(policyOf(res)['frame-ancestors']).toEqual(["'none'"]);
}

describe('security headers on every answer', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await createTestApp();
  });
  afterAll(() => sut.close());

  it('closes JSON answers, errors included, to anything loading or framing them', async () => {
    const answers = [
      await sut.http().get('/api/health').expect(200),
      await sut.http().get('/api/auth/me').expect(401),
      await sut.http().post('/api/auth/login').send({ email: 'not an email' }).expect(400),
      await sut.http().get('/api/docs-json').expect(200),
      await sut.http().get('/api/no-such-route').expect(404),
    ];
    for (const res of answers) {
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expectCommonHeaders(res);
      expect(policyOf(res)).toEqual({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] });
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('lets the panel load its own scripts, MUI’s inline styles and the map tiles, and nothing else', async () => {
    const index = await sut.http().get('/admin/').expect(200).expect('Content-Type', /html/);
    expectCommonHeaders(index);
    const policy = policyOf(index);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'https://tile.openstreetmap.org', 'https://*.tile.openstreetmap.org']);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['default-src']).toEqual(["'self'"]);

    // A client-side route answers with the same page and the same policy.
    const deepLink = await sut.http().get('/admin/accounts/1/show').expect(200);
    expect(deepLink.headers['content-security-policy']).toBe(index.headers['content-security-policy']);

    const script = readdirSync('admin/dist/assets').find((name) => name.endsWith('.js'));
    const asset = await sut.http().get(`/admin/assets/${script}`).expect(200);
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
  });

  it('gives the API docs page a policy of its own that admits Swagger UI’s inline styles', async () => {
    const docs = await sut.http().get('/api/docs').expect(200).expect('Content-Type', /html/);
    expectCommonHeaders(docs);
    const policy = policyOf(docs);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy['img-src']).toEqual(["'self'", 'data:']);
    expect(docs.text).toMatch(/<style>/);
  });

  it('sends HSTS only when the request came over HTTPS through a trusted proxy', async () => {
    const viaProxy = await sut.http().get('/api/health').set('X-Forwarded-Proto', 'https').expect(200);
    expect(viaProxy.headers['strict-transport-security']).toBe('max-age=15552000');
    const panel = await sut.http().get('/admin/').set('X-Forwarded-Proto', 'https').expect(200);
    expect(panel.headers['strict-transport-security']).toBe('max-age=15552000');
    const plain = await sut.http().get('/api/health').expect(200);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('security headers behind no trusted proxy', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await createTestApp({ TRUST_PROXY: 'false' });
  });
  afterAll(() => sut.close());

  it('ignores X-Forwarded-Proto from a client, so plain HTTP never claims HSTS', async () => {
    const res = await sut.http().get('/api/health').set('X-Forwarded-Proto', 'https').expect(200);
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});
