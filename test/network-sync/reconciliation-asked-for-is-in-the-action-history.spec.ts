import type { Client } from '@temporalio/client';
import { Permission } from '../../src/auth/permission';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.tokens';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

describe('a reconciliation asked for by staff is in the action history and the list, with who asked', () => {
  let sut: TestApp;
  let stopWorker: () => Promise<void>;

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    ({ stop: stopWorker } = await startTestWorker(sut));
  }, 60_000);

  afterAll(async () => {
    await stopWorker?.();
    await sut?.close();
  });

  it('records who started it in the same transaction as its row, lists it with its repairs, and refuses a reader', async () => {
    const operator = await sut.userWith([Permission.NetworkRead, Permission.NetworkConfigure, Permission.AuditRead]);
    const reader = await sut.userWith([Permission.NetworkRead]);
    await sut.http().post('/api/network-reconciliations').auth(reader.token, { type: 'bearer' }).expect(403);
    expect(await sut.db.query('SELECT id FROM network_reconciliations')).toEqual([]);

    const started = (await sut.http().post('/api/network-reconciliations').auth(operator.token, { type: 'bearer' }).expect(202)).body;
    expect(started).toMatchObject({ status: 'running', nightOf: null, requestedBy: { id: operator.id, email: operator.email } });
    await sut.app.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(started.workflowId).result();

    const entries = (
      await sut
        .http()
        .get('/api/action-history')
        .query({ filter: JSON.stringify({ entityType: 'network_reconciliation', entityId: String(started.id) }) })
        .auth(operator.token, { type: 'bearer' })
        .expect(200)
    ).body;
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'network_reconciliation.start',
        actorUserId: operator.id,
        summary: `Network reconciliation #${started.id} started`,
      }),
    ]);

    const finished = (await sut.http().get(`/api/network-reconciliations/${started.id}`).auth(reader.token, { type: 'bearer' }).expect(200))
      .body;
    expect(finished).toMatchObject({
      status: 'completed',
      repairs: 0,
      repairCounts: { radius: 0, nas: 0, dhcp: 0 },
      error: null,
      repairList: [],
      report: { skipped: ['no RADIUS server is configured (RADIUS_DATABASE_URL)'] },
    });
    const listed = await sut.http().get('/api/network-reconciliations').auth(reader.token, { type: 'bearer' }).expect(200);
    expect(listed.headers['content-range']).toBe('network-reconciliations 0-0/1');
    expect(listed.body).toEqual([
      expect.objectContaining({ id: started.id, status: 'completed', requestedBy: expect.objectContaining({ id: operator.id }) }),
    ]);
    const bad = await sut
      .http()
      .get('/api/network-reconciliations')
      .query({ sort: JSON.stringify(['report', 'ASC']) })
      .auth(reader.token, { type: 'bearer' })
      .expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'sort' })]);
  }, 60_000);
});
