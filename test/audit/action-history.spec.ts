import { randomUUID } from 'node:crypto';
import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';

describe('action history', () => {
  let sut: TestApp;
  let token: string;
  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
  });
  afterAll(() => sut.close());

  const entriesFor = (requestId: string) =>
    sut
      .http()
      .get(`/api/action-history?filter=${encodeURIComponent(JSON.stringify({ requestId }))}`)
      .auth(token, { type: 'bearer' })
      .expect(200);

  it('records exactly one entry per mutation, with actor, before and after', async () => {
    const admin = await sut.admin();
    const createId = `create-${randomUUID()}`;
    const created = await sut
      .http()
      .post('/api/roles')
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', createId)
      .send({ name: `Auditors ${createId}`, permissions: [Permission.AuditRead] })
      .expect(201);

    const createEntries = (await entriesFor(createId)).body;
    expect(createEntries).toHaveLength(1);
    expect(createEntries[0]).toMatchObject({
      actorUserId: admin.id,
      actorEmail: admin.email,
      action: 'create',
      entityType: 'role',
      entityId: String(created.body.id),
      before: null,
      after: { name: `Auditors ${createId}`, permissions: [Permission.AuditRead] },
      requestId: createId,
    });

    const updateId = `update-${randomUUID()}`;
    await sut
      .http()
      .put(`/api/roles/${created.body.id}`)
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', updateId)
      .send({ description: 'Read the trail' })
      .expect(200);
    const updateEntries = (await entriesFor(updateId)).body;
    expect(updateEntries).toHaveLength(1);
    expect(updateEntries[0].before).toMatchObject({ description: '' });
    expect(updateEntries[0].after).toMatchObject({ description: 'Read the trail' });

    const deleteId = `delete-${randomUUID()}`;
    await sut.http().delete(`/api/roles/${created.body.id}`).auth(token, { type: 'bearer' }).set('X-Request-Id', deleteId).expect(200);
    const deleteEntries = (await entriesFor(deleteId)).body;
    expect(deleteEntries).toHaveLength(1);
    expect(deleteEntries[0]).toMatchObject({ action: 'delete', after: null, before: { description: 'Read the trail' } });
  });

  it('records nothing for a refused mutation', async () => {
    const holder = await sut.userWith([Permission.UsersRead]);
    const [{ roleId }] = await sut.db.query('SELECT role_id AS roleId FROM staff_user_roles WHERE user_id = ?', [holder.id]);
    const requestId = `refused-${randomUUID()}`;
    const res = await sut.http().delete(`/api/roles/${roleId}`).auth(token, { type: 'bearer' }).set('X-Request-Id', requestId).expect(409);
    expect(res.body.message).toMatch(/held by 1 user/);
    expect((await entriesFor(requestId)).body).toEqual([]);
  });

  it('is append-only in the database itself', async () => {
    await expect(sut.db.query('UPDATE action_history SET action = "tampered" LIMIT 1')).rejects.toThrow(/append-only/);
    await expect(sut.db.query('DELETE FROM action_history LIMIT 1')).rejects.toThrow(/append-only/);
    await sut.db.query(
      "INSERT INTO view_history (user_id, user_email, entity_type, entity_id, viewed_at) VALUES (1, 'x@y.z', 'account', '1', NOW(3))",
    );
    await expect(sut.db.query('DELETE FROM view_history LIMIT 1')).rejects.toThrow(/append-only/);
  });

  it('filters by entity, actor, action and time, and sorts newest first by default', async () => {
    const user = await sut.userWith([]);
    const res = await sut
      .http()
      .get(`/api/action-history?filter=${encodeURIComponent(JSON.stringify({ entityType: 'staff_user', entityId: String(user.id) }))}`)
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(res.body.map((e: { action: string }) => e.action)).toEqual(['login', 'create']);
    expect(res.headers['content-range']).toBe('action-history 0-1/2');

    // Scoped to this user's entries: other specs on the shared database write history at simulated dates.
    const within = async (range: { createdFrom?: string; createdTo?: string }) =>
      (
        await sut
          .http()
          .get(
            `/api/action-history?filter=${encodeURIComponent(JSON.stringify({ entityType: 'staff_user', entityId: String(user.id), ...range }))}`,
          )
          .auth(token, { type: 'bearer' })
          .expect(200)
      ).body.map((e: { action: string }) => e.action);
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const hourAhead = new Date(Date.now() + 3_600_000).toISOString();
    expect(await within({ createdFrom: hourAhead })).toEqual([]);
    expect(await within({ createdTo: hourAgo })).toEqual([]);
    expect(await within({ createdFrom: hourAgo, createdTo: hourAhead })).toEqual(['login', 'create']);
    const bad = await sut
      .http()
      .get(`/api/action-history?filter=${encodeURIComponent(JSON.stringify({ createdFrom: 'yesterday' }))}`)
      .auth(token, { type: 'bearer' })
      .expect(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'filter.createdFrom', rule: 'isIso8601' });
  });

  it('exports the filtered history as CSV', async () => {
    const user = await sut.userWith([]);
    const res = await sut
      .http()
      .get(
        `/api/action-history/export.csv?filter=${encodeURIComponent(JSON.stringify({ entityType: 'staff_user', entityId: String(user.id) }))}&sort=["id","ASC"]`,
      )
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="action-history.csv"');
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,created_at,actor_user_id,actor_email,action,summary,entity_type,entity_id,account_id,request_id,before,after',
    );
    expect(lines.slice(1).map((l) => l.split(',')[4])).toEqual(['create', 'login']);
    expect(lines.slice(1).map((l) => l.split(',')[5])).toEqual([`Staff user '${user.email}' added`, 'Signed in']);
  });

  it('lists view history, written through the audit service', async () => {
    const { AuditService } = await import('../../src/audit/audit.service');
    const viewer = await sut.userWith([]);
    await sut.app.get(AuditService).recordView('account', 4242, { userId: viewer.id, email: viewer.email });
    const res = await sut
      .http()
      .get(`/api/view-history?filter=${encodeURIComponent(JSON.stringify({ userId: viewer.id }))}`)
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(res.body).toEqual([
      expect.objectContaining({ userId: viewer.id, userEmail: viewer.email, entityType: 'account', entityId: '4242' }),
    ]);
  });
});
