import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';
import { auditEntries, expectBooksBalanced, insertAccount, newRequestId } from './call-log-world';

describe('call logs: ticket requests take their defaults from the call and outlive it', () => {
  let sut: TestApp;
  let clerk: { id: number; token: string };
  let attendant: { id: number; token: string };
  let accountId: number;
  beforeAll(async () => {
    sut = await createTestApp();
    clerk = await sut.userWith([Permission.CorrespondenceRead, Permission.CorrespondenceWrite]);
    attendant = await sut.userWith([Permission.CorrespondenceRead, Permission.CorrespondenceWrite]);
    accountId = await insertAccount(sut.db);
  });
  afterAll(() => sut.close());

  const logCall = async (body: Record<string, unknown>) =>
    (
      await sut
        .http()
        .post(`/api/accounts/${accountId}/call-logs`)
        .auth(clerk.token, { type: 'bearer' })
        .send({ durationSeconds: 300, attendantUserId: attendant.id, ...body })
        .expect(201)
    ).body as { id: number };

  it('copies the subject, notes and attendant when the request leaves them out, and audits the request', async () => {
    const call = await logCall({ subject: 'No sync light on the modem', notes: 'Power-cycled twice; still down.' });
    const requestId = newRequestId('ticket-request');
    const res = await sut
      .http()
      .post(`/api/call-logs/${call.id}/ticket-requests`)
      .auth(clerk.token, { type: 'bearer' })
      .set('X-Request-Id', requestId)
      .send({ kind: 'internal' })
      .expect(201);
    const [attendantRow] = await sut.db.query('SELECT name FROM staff_users WHERE id = ?', [attendant.id]);
    expect(res.body).toEqual({
      id: expect.any(Number),
      callLogId: call.id,
      kind: 'internal',
      subject: 'No sync light on the modem',
      description: 'Power-cycled twice; still down.',
      accountId,
      assigneeUserId: attendant.id,
      assigneeName: attendantRow.name,
      status: 'pending',
      ticketId: null,
      createdBy: clerk.id,
      createdAt: expect.any(String),
    });
    await expect(auditEntries(sut.db, requestId)).resolves.toEqual([
      {
        action: 'call_log_ticket_request.create',
        entityType: 'call_log_ticket_request',
        entityId: String(res.body.id),
        accountId,
        before: null,
        after: res.body,
      },
    ]);

    // Given values win; a blank description means none.
    const other = await sut.userWith([Permission.CorrespondenceRead]);
    const given = await sut
      .http()
      .post(`/api/call-logs/${call.id}/ticket-requests`)
      .auth(clerk.token, { type: 'bearer' })
      .send({ kind: 'public', subject: 'Send a technician', description: ' ', assigneeUserId: other.id })
      .expect(201);
    expect(given.body).toMatchObject({ kind: 'public', subject: 'Send a technician', description: null, assigneeUserId: other.id });

    const withRequests = await sut.http().get(`/api/call-logs/${call.id}`).auth(clerk.token, { type: 'bearer' }).expect(200);
    expect(withRequests.body.ticketRequests).toEqual([res.body, given.body]);
    const list = await sut.http().get(`/api/accounts/${accountId}/call-logs`).auth(clerk.token, { type: 'bearer' }).expect(200);
    expect(list.body.find((c: { id: number }) => c.id === call.id).ticketRequests).toHaveLength(2);
  });

  it('refuses a bad kind or assignee, naming the field', async () => {
    const call = await logCall({ subject: 'Static on the line' });
    const badKind = await sut
      .http()
      .post(`/api/call-logs/${call.id}/ticket-requests`)
      .auth(clerk.token, { type: 'bearer' })
      .send({ kind: 'urgent', subject: '' })
      .expect(400);
    expect(badKind.body.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`)).toEqual(
      expect.arrayContaining(['kind:isIn', 'subject:matches']),
    );
    const badAssignee = await sut
      .http()
      .post(`/api/call-logs/${call.id}/ticket-requests`)
      .auth(clerk.token, { type: 'bearer' })
      .send({ kind: 'internal', assigneeUserId: 999_999_999 })
      .expect(400);
    expect(badAssignee.body.details).toEqual([expect.objectContaining({ field: 'assigneeUserId', rule: 'activeUser' })]);
    const [{ n }] = await sut.db.query('SELECT COUNT(*) AS n FROM call_log_ticket_requests WHERE call_log_id = ?', [call.id]);
    expect(Number(n)).toBe(0);
  });

  it('leaves the ticket unassigned when the attendant has since been deactivated', async () => {
    const leaver = await sut.userWith([Permission.CorrespondenceRead]);
    const call = await logCall({ subject: 'Wants a faster plan', attendantUserId: leaver.id });
    await sut.db.query('UPDATE staff_users SET active = 0 WHERE id = ?', [leaver.id]);
    const res = await sut
      .http()
      .post(`/api/call-logs/${call.id}/ticket-requests`)
      .auth(clerk.token, { type: 'bearer' })
      .send({ kind: 'public' })
      .expect(201);
    expect(res.body).toMatchObject({ assigneeUserId: null, assigneeName: null, subject: 'Wants a faster plan', description: null });
  });

  it('keeps the ticket requests, with everything the ticket needs, when the call log is deleted', async () => {
    const call = await logCall({ subject: 'Cancel request', notes: 'Moving abroad in January.' });
    const request = await sut
      .http()
      .post(`/api/call-logs/${call.id}/ticket-requests`)
      .auth(clerk.token, { type: 'bearer' })
      .send({ kind: 'internal' })
      .expect(201);
    const deleteId = newRequestId('call-delete-with-ticket');
    await sut.http().delete(`/api/call-logs/${call.id}`).auth(clerk.token, { type: 'bearer' }).set('X-Request-Id', deleteId).expect(200);
    const [entry] = await auditEntries(sut.db, deleteId);
    expect(entry.before).toMatchObject({ id: call.id, ticketRequests: [request.body] });

    const kept: Record<string, unknown>[] = await sut.db.query(
      'SELECT call_log_id, kind, subject, description, account_id, assignee_user_id, status FROM call_log_ticket_requests WHERE id = ?',
      [request.body.id],
    );
    expect(kept).toEqual([
      {
        call_log_id: null,
        kind: 'internal',
        subject: 'Cancel request',
        description: 'Moving abroad in January.',
        account_id: accountId,
        assignee_user_id: attendant.id,
        status: 'pending',
      },
    ]);
    await expectBooksBalanced(sut, [accountId]);
  });
});
