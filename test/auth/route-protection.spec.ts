import { createTestApp, TestApp } from '../support/test-app';

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  permission: string | undefined;
  public: boolean;
}

/** Every operation the router exposes, read from the generated OpenAPI document. */
async function operations(sut: TestApp): Promise<Operation[]> {
  const doc = (await sut.http().get('/api/docs-json').expect(200)).body;
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<Record<string, Record<string, unknown>>>(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      ops.push({
        method,
        path: path.replace(/\{[^}]+\}/g, '1'),
        permission: op['x-permission'] as string | undefined,
        public: op['x-public'] === true,
      });
    }
  }
  return ops;
}

describe('route protection', () => {
  let sut: TestApp;
  let ops: Operation[];
  beforeAll(async () => {
    sut = await createTestApp();
    ops = await operations(sut);
  });
  afterAll(() => sut.close());

  it('declares, for every route, either public access or what it needs', () => {
    expect(ops.length).toBeGreaterThan(15);
    const undeclared = ops.filter((op) => !op.public && !op.permission);
    expect(undeclared).toEqual([]);
    const publicRoutes = ops.filter((op) => op.public).map((op) => `${op.method} ${op.path}`);
    // The webhook is public: its signature, checked on the raw body, is its authentication (test/webhooks).
    // The signing page's routes are public: the link's token is their key, and opens one document (test/contracts).
    // An address list's entries are public to routers: the list's fetch key is their credential (test/address-lists).
    expect(publicRoutes.sort()).toEqual([
      'get /api/address-lists/1/entries',
      'get /api/health',
      'post /api/auth/login',
      'post /api/public/contract-signing/decline',
      'post /api/public/contract-signing/sign',
      'post /api/public/contract-signing/view',
      'post /api/webhooks/stripe',
    ]);
  });

  it('answers 401 to every non-public route without a session', async () => {
    const failures: string[] = [];
    for (const op of ops.filter((o) => !o.public)) {
      const res = await sut.http()[op.method](op.path).send({});
      if (res.status !== 401 || res.body.statusCode !== 401) failures.push(`${op.method} ${op.path} -> ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 401 to a forged or expired token', async () => {
    await sut.http().get('/api/auth/me').auth('not-a-real-token', { type: 'bearer' }).expect(401);
    await sut.http().get('/api/auth/me').set('Cookie', 'backhaul_session=forged').expect(401);
  });

  it('answers 403 to every permission-guarded route for a user whose role lacks it', async () => {
    const nobody = await sut.userWith([]);
    const failures: string[] = [];
    const guarded = ops.filter((o) => !o.public && o.permission !== 'session');
    expect(guarded.length).toBeGreaterThan(10);
    for (const op of guarded) {
      const res = await sut.http()[op.method](op.path).auth(nobody.token, { type: 'bearer' }).send({});
      if (res.status !== 403 || !String(res.body.message).includes(op.permission!))
        failures.push(`${op.method} ${op.path} -> ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('lets a session-only route through for any logged-in user', async () => {
    const nobody = await sut.userWith([]);
    const me = await sut.http().get('/api/auth/me').auth(nobody.token, { type: 'bearer' }).expect(200);
    expect(me.body).toMatchObject({ id: nobody.id, email: nobody.email, permissions: [] });
  });
});
