import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiOffline } from '../../src/openapi';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The document `npm run openapi` writes without services is the one the running API serves,
 * and its security schemes are the ones the API honours.
 */
describe('the served OpenAPI document', () => {
  let sut: TestApp;
  let served: OpenAPIObject;

  beforeAll(async () => {
    sut = await createTestApp();
    served = (await sut.http().get('/api/docs-json').expect(200)).body;
  }, 120_000);
  afterAll(() => sut?.close());

  it('equals the document built without a database or Temporal', async () => {
    expect(served).toEqual(JSON.parse(JSON.stringify(await buildOpenApiOffline())));
  }, 120_000);

  it('opens GET /api/auth/me to each declared scheme, sent as the document describes it', async () => {
    const { token } = await sut.admin();
    await sut.http().get('/api/auth/me').expect(401);
    const schemes = served.components!.securitySchemes! as Record<string, { type: string; scheme?: string; in?: string; name?: string }>;
    const me = served.paths['/api/auth/me'].get!;
    const names = (me.security ?? []).flatMap((requirement) => Object.keys(requirement));
    expect(names.sort()).toEqual(['bearer', 'session']);
    for (const name of names) {
      const scheme = schemes[name];
      let req = sut.http().get('/api/auth/me');
      if (scheme.type === 'http' && scheme.scheme === 'bearer') req = req.set('Authorization', `Bearer ${token}`);
      else if (scheme.type === 'apiKey' && scheme.in === 'cookie') req = req.set('Cookie', `${scheme.name}=${token}`);
      else throw new Error(`scheme ${name} is of a kind this test does not know how to send`);
      const res = await req;
      expect({ name, status: res.status }).toEqual({ name, status: 200 });
    }
  });
});
