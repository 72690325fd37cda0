import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';
import { auditEntries, countRows, insertAccount, newRequestId } from './call-log-world';

describe('call logs: bad input, missing rows and missing permissions write nothing', () => {
  let sut: TestApp;
  let token: string;
  let accountId: number;
  const callsOf = (id: number) => countRows(sut, 'SELECT COUNT(*) AS n FROM call_logs WHERE account_id = ?', [id]);
  const rulesOf = (body: { details: { field: string; rule: string }[] }) => body.details.map((d) => `${d.field}:${d.rule}`);

  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
    accountId = await insertAccount(sut.db);
  });
  afterAll(() => sut.close());

  it('answers 400 naming the field for an empty subject, a negative duration and an unknown field', async () => {
    const requestId = newRequestId('call-bad');
    const res = await sut
      .http()
      .post(`/api/accounts/${accountId}/call-logs`)
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', requestId)
      .send({ subject: '   ', durationSeconds: -5, accountId })
      .expect(400);
    expect(rulesOf(res.body)).toEqual(expect.arrayContaining(['subject:matches', 'durationSeconds:min', 'accountId:unknownField']));
    expect(res.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'durationSeconds', message: 'durationSeconds must not be negative' })]),
    );

    const missing = await sut.http().post(`/api/accounts/${accountId}/call-logs`).auth(token, { type: 'bearer' }).send({}).expect(400);
    expect(rulesOf(missing.body)).toEqual(expect.arrayContaining(['subject:isString', 'durationSeconds:isInt']));

    const fractional = await sut
      .http()
      .post(`/api/accounts/${accountId}/call-logs`)
      .auth(token, { type: 'bearer' })
      .send({ subject: 'x', durationSeconds: 1.5 })
      .expect(400);
    expect(rulesOf(fractional.body)).toEqual(['durationSeconds:isInt']);
    await expect(auditEntries(sut.db, requestId)).resolves.toEqual([]);
    await expect(callsOf(accountId)).resolves.toBe(0);
  });

  it('refuses a call in the future, a time without its offset, and an attendant who is unknown or deactivated', async () => {
    const future = await sut
      .http()
      .post(`/api/accounts/${accountId}/call-logs`)
      .auth(token, { type: 'bearer' })
      .send({ subject: 'Tomorrow', durationSeconds: 30, calledAt: new Date(Date.now() + 3600_000).toISOString() })
      .expect(400);
    expect(future.body.details).toEqual([expect.objectContaining({ field: 'calledAt', rule: 'notFuture' })]);

    const local = await sut
      .http()
      .post(`/api/accounts/${accountId}/call-logs`)
      .auth(token, { type: 'bearer' })
      .send({ subject: 'No offset', durationSeconds: 30, calledAt: '2026-11-01T10:00' })
      .expect(400);
    expect(local.body.details.map((d: { field: string }) => d.field)).toContain('calledAt');

    const unknown = await sut
      .http()
      .post(`/api/accounts/${accountId}/call-logs`)
      .auth(token, { type: 'bearer' })
      .send({ subject: 'Who?', durationSeconds: 30, attendantUserId: 999_999_999 })
      .expect(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'attendantUserId', rule: 'activeUser' })]);

    const leaver = await sut.userWith([Permission.CorrespondenceRead]);
    await sut.db.query('UPDATE staff_users SET active = 0 WHERE id = ?', [leaver.id]);
    const deactivated = await sut
      .http()
      .post(`/api/accounts/${accountId}/call-logs`)
      .auth(token, { type: 'bearer' })
      .send({ subject: 'Who?', durationSeconds: 30, attendantUserId: leaver.id })
      .expect(400);
    expect(deactivated.body.details).toEqual([expect.objectContaining({ field: 'attendantUserId', rule: 'activeUser' })]);
    await expect(callsOf(accountId)).resolves.toBe(0);

    // The same rules hold for an edit, and the account cannot be changed.
    const call = await sut
      .http()
      .post(`/api/accounts/${accountId}/call-logs`)
      .auth(token, { type: 'bearer' })
      .send({ subject: 'Fine', durationSeconds: 30 })
      .expect(201);
    const editId = newRequestId('call-bad-edit');
    const badEdit = await sut
      .http()
      .patch(`/api/call-logs/${call.body.id}`)
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', editId)
      .send({ subject: '', durationSeconds: -1, accountId: accountId + 1 })
      .expect(400);
    expect(rulesOf(badEdit.body)).toEqual(expect.arrayContaining(['subject:matches', 'durationSeconds:min', 'accountId:unknownField']));
    const futureEdit = await sut
      .http()
      .patch(`/api/call-logs/${call.body.id}`)
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', editId)
      .send({ calledAt: new Date(Date.now() + 86_400_000).toISOString() })
      .expect(400);
    expect(futureEdit.body.details).toEqual([expect.objectContaining({ field: 'calledAt', rule: 'notFuture' })]);
    const emptyEdit = await sut
      .http()
      .patch(`/api/call-logs/${call.body.id}`)
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', editId)
      .send({})
      .expect(400);
    expect(rulesOf(emptyEdit.body)).toEqual(['body:nothingToChange']);
    await expect(auditEntries(sut.db, editId)).resolves.toEqual([]);
    const unchanged = await sut.http().get(`/api/call-logs/${call.body.id}`).auth(token, { type: 'bearer' }).expect(200);
    expect(unchanged.body).toEqual(call.body);
  });

  it('answers 400 for a bad list query and 404 for an account or call log that does not exist', async () => {
    const badSort = await sut
      .http()
      .get(`/api/accounts/${accountId}/call-logs`)
      .query({ sort: JSON.stringify(['notes', 'ASC']) })
      .auth(token, { type: 'bearer' })
      .expect(400);
    expect(rulesOf(badSort.body)).toEqual(['sort:sortable']);
    const badFilter = await sut
      .http()
      .get(`/api/accounts/${accountId}/call-logs`)
      .query({ filter: JSON.stringify({ accountId: 3 }) })
      .auth(token, { type: 'bearer' })
      .expect(400);
    expect(rulesOf(badFilter.body)).toEqual(['filter.accountId:unknownField']);

    const requestId = newRequestId('call-missing');
    await sut.http().get('/api/accounts/999999999/call-logs').auth(token, { type: 'bearer' }).expect(404);
    const res = await sut
      .http()
      .post('/api/accounts/999999999/call-logs')
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', requestId)
      .send({ subject: 'Nobody home', durationSeconds: 1 })
      .expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, message: 'Account 999999999 does not exist' });
    await sut.http().get('/api/call-logs/999999999').auth(token, { type: 'bearer' }).expect(404);
    await sut.http().patch('/api/call-logs/999999999').auth(token, { type: 'bearer' }).send({ subject: 'x' }).expect(404);
    await sut.http().delete('/api/call-logs/999999999').auth(token, { type: 'bearer' }).expect(404);
    await sut
      .http()
      .post('/api/call-logs/999999999/ticket-requests')
      .auth(token, { type: 'bearer' })
      .send({ kind: 'internal' })
      .expect(404);
    await expect(auditEntries(sut.db, requestId)).resolves.toEqual([]);
  });

  it('answers 403 without correspondence.read for reading and without correspondence.write for every change', async () => {
    const call = await sut
      .http()
      .post(`/api/accounts/${accountId}/call-logs`)
      .auth(token, { type: 'bearer' })
      .send({ subject: 'Permission check', durationSeconds: 42 })
      .expect(201);
    const outsider = await sut.userWith([Permission.AccountsRead, Permission.AccountsManage]);
    await sut.http().get(`/api/accounts/${accountId}/call-logs`).auth(outsider.token, { type: 'bearer' }).expect(403);
    await sut.http().get(`/api/call-logs/${call.body.id}`).auth(outsider.token, { type: 'bearer' }).expect(403);

    const reader = await sut.userWith([Permission.CorrespondenceRead]);
    await sut.http().get(`/api/accounts/${accountId}/call-logs`).auth(reader.token, { type: 'bearer' }).expect(200);
    await sut.http().get(`/api/call-logs/${call.body.id}`).auth(reader.token, { type: 'bearer' }).expect(200);
    const requestId = newRequestId('call-forbidden');
    const changes = [
      sut.http().post(`/api/accounts/${accountId}/call-logs`).send({ subject: 'x', durationSeconds: 1 }),
      sut.http().patch(`/api/call-logs/${call.body.id}`).send({ subject: 'x' }),
      sut.http().delete(`/api/call-logs/${call.body.id}`),
      sut.http().post(`/api/call-logs/${call.body.id}/ticket-requests`).send({ kind: 'public' }),
    ];
    for (const change of changes) await change.auth(reader.token, { type: 'bearer' }).set('X-Request-Id', requestId).expect(403);
    await sut.http().get(`/api/accounts/${accountId}/call-logs`).expect(401);
    await expect(auditEntries(sut.db, requestId)).resolves.toEqual([]);
    const still = await sut.http().get(`/api/call-logs/${call.body.id}`).auth(reader.token, { type: 'bearer' }).expect(200);
    expect(still.body).toEqual(call.body);
  });
});
