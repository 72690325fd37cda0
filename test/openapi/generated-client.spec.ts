import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createClient from 'openapi-fetch';
import type { paths } from '../../admin/src/api/schema';
import { SESSION_COOKIE } from '../../src/auth/auth.decorators';
import { createLookups, Lookups, unique } from '../accounts/accounts-fixture';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The panel's API types are generated from the document the running API serves, and a client
 * typed by them talks to that API: its requests are accepted and its answers have the documented shape.
 */
describe('a client generated from the OpenAPI document', () => {
  let sut: TestApp;
  let token: string;
  let lookups: Lookups;
  let client: ReturnType<typeof createClient<paths>>;
  let served: { components: { schemas: Record<string, { required?: string[] }> } };

  beforeAll(async () => {
    sut = await createTestApp();
    await sut.app.listen(0, '127.0.0.1');
    const { port } = sut.app.getHttpServer().address() as AddressInfo;
    client = createClient<paths>({ baseUrl: `http://127.0.0.1:${port}` });
    token = (await sut.admin()).token;
    lookups = await createLookups(sut, token);
    served = (await sut.http().get('/api/docs-json').expect(200)).body;
  }, 120_000);
  afterAll(() => sut?.close());

  it('is the one the panel commits: the types generated from the served document are admin/src/api/schema.d.ts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    try {
      const document = join(dir, 'openapi.json');
      writeFileSync(document, JSON.stringify(served));
      expect(() =>
        execFileSync(process.execPath, ['scripts/api-types.mjs', '--check', '--document', document], {
          cwd: join(__dirname, '../..'),
          stdio: 'pipe',
        }),
      ).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('creates an account with a bearer token and reads its header with the session cookie, in the documented shapes', async () => {
    const name = `Typed Client ${unique()}`;
    const created = await client.POST('/api/accounts', {
      headers: { Authorization: `Bearer ${token}` },
      body: {
        name,
        accountTypeId: lookups.typeId,
        accountStatusId: lookups.activeStatusId,
        serviceAddress: { line1: '12 Oak St', line2: null, city: 'Springfield', region: 'IL', postcode: '62701', country: 'US' },
      },
    });
    expect(created.response.status).toBe(201);
    const accountId = created.data!.id;

    const { data: header, response } = await client.GET('/api/accounts/{id}/header', {
      params: { path: { id: accountId } },
      headers: { Cookie: `${SESSION_COOKIE}=${token}` },
    });
    expect(response.status).toBe(200);
    expect({ id: header!.id, name: header!.name, statusId: header!.status.id, location: header!.location?.formatted }).toEqual({
      id: accountId,
      name,
      statusId: lookups.activeStatusId,
      location: expect.stringContaining('Springfield'),
    });
    // Every field the document requires is in the answer, so what the panel's types promise is there.
    const required = served.components.schemas.AccountHeaderDto.required ?? [];
    expect(required.filter((field) => !(field in header!))).toEqual([]);
  });

  it('reads a refusal in the documented error shape', async () => {
    const { error, response } = await client.GET('/api/accounts/{id}/header', { params: { path: { id: 1 } } });
    expect(response.status).toBe(401);
    expect({ statusCode: error?.statusCode, message: typeof error?.message }).toEqual({ statusCode: 401, message: 'string' });
  });
});
