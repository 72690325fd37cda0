import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';

describe('operability endpoints', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await createTestApp();
  });
  afterAll(() => sut.close());

  it('reports the database and Temporal as up without a session', async () => {
    const res = await sut.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up', temporal: 'up' } });
  });

  it('serves the OpenAPI document with the shared error schema', async () => {
    const res = await sut.http().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.components.schemas.ErrorResponseDto.required).toEqual(
      expect.arrayContaining(['statusCode', 'error', 'message', 'details']),
    );
    expect(res.body.paths['/api/users'].post.responses['400'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/ErrorResponseDto',
    );
    await sut.http().get('/api/docs').expect(200).expect('Content-Type', /html/);
  });

  it('serves Prometheus metrics only to holders of system.metrics', async () => {
    const scraper = await sut.userWith([Permission.SystemMetrics]);
    const other = await sut.userWith([Permission.AuditRead]);
    await sut.http().get('/api/metrics').expect(401);
    await sut.http().get('/api/metrics').auth(other.token, { type: 'bearer' }).expect(403);
    await sut.http().get('/api/users/999999').auth(scraper.token, { type: 'bearer' });
    const res = await sut.http().get('/api/metrics').auth(scraper.token, { type: 'bearer' }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/backhaul_http_request_duration_seconds_count\{method="GET",route="\/api\/users\/:id",status="403"\} [1-9]/);
    expect(res.text).toContain('backhaul_process_cpu_seconds_total');
  });

  it('answers every request with a request id, echoing a sane incoming one', async () => {
    const echoed = await sut.http().get('/api/health').set('X-Request-Id', 'abc-123').expect(200);
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const fresh = await sut.http().get('/api/health').set('X-Request-Id', 'bad id with spaces').expect(200);
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
