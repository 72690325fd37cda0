import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';
import { auditEntries, expectBooksBalanced, insertAccount, newRequestId } from './call-log-world';

describe('call logs: log, list, edit and delete, each audited with before and after', () => {
  let sut: TestApp;
  let clerk: { id: number; token: string };
  let colleague: { id: number; token: string };
  let accountId: number;
  beforeAll(async () => {
    sut = await createTestApp();
    clerk = await sut.userWith([Permission.CorrespondenceRead, Permission.CorrespondenceWrite]);
    colleague = await sut.userWith([Permission.CorrespondenceRead, Permission.CorrespondenceWrite]);
    accountId = await insertAccount(sut.db);
  });
  afterAll(() => sut.close());

  it('defaults the attendant to the clerk and the time to now, and lists newest call first', async () => {
    const requestId = newRequestId('call-create');
    const startedAt = Date.now();
    const created = await sut
      .http()
      .post(`/api/accounts/${accountId}/call-logs`)
      .auth(clerk.token, { type: 'bearer' })
      .set('X-Request-Id', requestId)
      .send({ subject: '  Router keeps rebooting  ', durationSeconds: 754, notes: 'Asked to move it off the floor.' })
      .expect(201);
    const [clerkRow] = await sut.db.query('SELECT name FROM staff_users WHERE id = ?', [clerk.id]);
    expect(created.body).toEqual({
      id: expect.any(Number),
      accountId,
      subject: 'Router keeps rebooting',
      durationSeconds: 754,
      attendantUserId: clerk.id,
      attendantName: clerkRow.name,
      calledAt: expect.any(String),
      notes: 'Asked to move it off the floor.',
      createdBy: clerk.id,
      createdByName: clerkRow.name,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      ticketRequests: [],
      tickets: [],
    });
    const calledAt = Date.parse(created.body.calledAt);
    expect(calledAt).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(calledAt).toBeLessThanOrEqual(Date.now() + 1000);
    await expect(auditEntries(sut.db, requestId)).resolves.toEqual([
      {
        action: 'call_log.create',
        entityType: 'call_log',
        entityId: String(created.body.id),
        accountId,
        before: null,
        after: created.body,
      },
    ]);

    // Logged afterwards, about a call an hour earlier, taken by a colleague.
    const earlier = await sut
      .http()
      .post(`/api/accounts/${accountId}/call-logs`)
      .auth(clerk.token, { type: 'bearer' })
      .send({
        subject: 'Billing question',
        durationSeconds: 60,
        attendantUserId: colleague.id,
        calledAt: new Date(startedAt - 3600_000).toISOString(),
      })
      .expect(201);
    expect(earlier.body).toMatchObject({ attendantUserId: colleague.id, createdBy: clerk.id, notes: null });

    const list = await sut.http().get(`/api/accounts/${accountId}/call-logs`).auth(clerk.token, { type: 'bearer' }).expect(200);
    expect(list.body.map((c: { id: number }) => c.id)).toEqual([created.body.id, earlier.body.id]);
    expect(list.headers['content-range']).toBe('call-logs 0-1/2');

    const byDuration = await sut
      .http()
      .get(`/api/accounts/${accountId}/call-logs`)
      .query({ sort: JSON.stringify(['durationSeconds', 'ASC']), range: JSON.stringify([0, 0]) })
      .auth(clerk.token, { type: 'bearer' })
      .expect(200);
    expect(byDuration.body.map((c: { id: number }) => c.id)).toEqual([earlier.body.id]);
    expect(byDuration.headers['content-range']).toBe('call-logs 0-0/2');

    const searched = await sut
      .http()
      .get(`/api/accounts/${accountId}/call-logs`)
      .query({ filter: JSON.stringify({ q: 'off the floor' }) })
      .auth(clerk.token, { type: 'bearer' })
      .expect(200);
    expect(searched.body.map((c: { id: number }) => c.id)).toEqual([created.body.id]);

    const byAttendant = await sut
      .http()
      .get(`/api/accounts/${accountId}/call-logs`)
      .query({ filter: JSON.stringify({ attendantUserId: colleague.id }) })
      .auth(clerk.token, { type: 'bearer' })
      .expect(200);
    expect(byAttendant.body.map((c: { id: number }) => c.id)).toEqual([earlier.body.id]);

    // Another account's calls never show.
    const otherAccount = await insertAccount(sut.db);
    const other = await sut.http().get(`/api/accounts/${otherAccount}/call-logs`).auth(clerk.token, { type: 'bearer' }).expect(200);
    expect(other.body).toEqual([]);
    await expectBooksBalanced(sut, [accountId, otherAccount]);
  });

  it('edits some fields, clears the notes, and deletes, with the before and after in the log', async () => {
    const created = await sut
      .http()
      .post(`/api/accounts/${accountId}/call-logs`)
      .auth(clerk.token, { type: 'bearer' })
      .send({ subject: 'Outage on Elm St', durationSeconds: 125, notes: 'Second call today.' })
      .expect(201);

    const editId = newRequestId('call-edit');
    const calledAt = new Date(Date.now() - 2 * 3600_000);
    calledAt.setUTCMilliseconds(0);
    const edited = await sut
      .http()
      .patch(`/api/call-logs/${created.body.id}`)
      .auth(colleague.token, { type: 'bearer' })
      .set('X-Request-Id', editId)
      .send({ durationSeconds: 185, attendantUserId: colleague.id, calledAt: calledAt.toISOString(), notes: null })
      .expect(200);
    expect(edited.body).toMatchObject({
      id: created.body.id,
      subject: 'Outage on Elm St',
      durationSeconds: 185,
      attendantUserId: colleague.id,
      calledAt: calledAt.toISOString(),
      notes: null,
      createdBy: clerk.id,
    });
    const [editEntry] = await auditEntries(sut.db, editId);
    expect(editEntry).toMatchObject({
      action: 'call_log.update',
      entityType: 'call_log',
      accountId,
      before: expect.objectContaining({ durationSeconds: 125, notes: 'Second call today.', attendantUserId: clerk.id }),
      after: expect.objectContaining({ durationSeconds: 185, notes: null, attendantUserId: colleague.id }),
    });
    const [{ actor_user_id: actor }] = await sut.db.query('SELECT actor_user_id FROM action_history WHERE request_id = ?', [editId]);
    expect(Number(actor)).toBe(colleague.id);

    const got = await sut.http().get(`/api/call-logs/${created.body.id}`).auth(clerk.token, { type: 'bearer' }).expect(200);
    expect(got.body).toEqual(edited.body);

    const deleteId = newRequestId('call-delete');
    const deleted = await sut
      .http()
      .delete(`/api/call-logs/${created.body.id}`)
      .auth(clerk.token, { type: 'bearer' })
      .set('X-Request-Id', deleteId)
      .expect(200);
    expect(deleted.body).toEqual(edited.body);
    await expect(auditEntries(sut.db, deleteId)).resolves.toEqual([
      {
        action: 'call_log.delete',
        entityType: 'call_log',
        entityId: String(created.body.id),
        accountId,
        before: edited.body,
        after: null,
      },
    ]);
    await sut.http().get(`/api/call-logs/${created.body.id}`).auth(clerk.token, { type: 'bearer' }).expect(404);
    await expectBooksBalanced(sut, [accountId]);
  });
});
