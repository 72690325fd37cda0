import { Permission } from '../../src/auth/permission';
import { Clock } from '../../src/common/clock';
import { createTestApp, TestApp } from '../support/test-app';
import { auditEntries, insertAccount, newRequestId } from './account-fixture';

describe('account tasks: create, assign, complete, reopen, and filter by completion', () => {
  let sut: TestApp;
  let clerk: { id: number; token: string };
  let technician: { id: number; token: string };
  let accountId: number;
  const completedAt = new Date('2026-11-20T15:30:00.000Z');

  beforeAll(async () => {
    sut = await createTestApp();
    clerk = await sut.userWith([Permission.AccountsRead, Permission.AccountsManage]);
    technician = await sut.userWith([Permission.AccountsRead]);
    accountId = await insertAccount(sut);
    jest.spyOn(sut.app.get(Clock), 'now').mockReturnValue(completedAt);
  });
  afterAll(() => sut.close());

  const as = (token: string) => ({
    post: (body: object, requestId = newRequestId('task')) =>
      sut.http().post('/api/account-tasks').auth(token, { type: 'bearer' }).set('X-Request-Id', requestId).send(body),
    put: (id: number, body: object, requestId = newRequestId('task')) =>
      sut.http().put(`/api/account-tasks/${id}`).auth(token, { type: 'bearer' }).set('X-Request-Id', requestId).send(body),
    list: (filter: object) =>
      sut
        .http()
        .get(`/api/account-tasks?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent('["dueDate","ASC"]')}`)
        .auth(token, { type: 'bearer' }),
  });

  it('follows a task from creation to completion and back, logging each step once', async () => {
    const [{ name: technicianName }] = await sut.db.query('SELECT name FROM staff_users WHERE id = ?', [technician.id]);
    const [{ name: clerkName }] = await sut.db.query('SELECT name FROM staff_users WHERE id = ?', [clerk.id]);

    const createId = newRequestId('task-create');
    const created = await as(clerk.token).post({ accountId, title: 'Replace the ONT', dueDate: '2026-12-01' }, createId).expect(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      accountId,
      title: 'Replace the ONT',
      description: null,
      assignedUserId: null,
      assignedUserName: null,
      dueDate: '2026-12-01',
      completed: false,
      completedAt: null,
      completedByUserId: null,
      completedByName: null,
      createdByUserId: clerk.id,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    await expect(auditEntries(sut, createId)).resolves.toEqual([
      { accountId, actorUserId: clerk.id, action: 'create', entityType: 'account_task' },
    ]);
    const taskId: number = created.body.id;
    const other = await as(clerk.token).post({ accountId, title: 'Call back about the invoice', dueDate: '2026-11-28' }).expect(201);

    const assignId = newRequestId('task-assign');
    const assigned = await as(clerk.token)
      .put(taskId, { assignedUserId: technician.id, description: 'Bring a spare' }, assignId)
      .expect(200);
    expect(assigned.body).toMatchObject({
      assignedUserId: technician.id,
      assignedUserName: technicianName,
      description: 'Bring a spare',
      completed: false,
    });
    await expect(auditEntries(sut, assignId)).resolves.toEqual([
      { accountId, actorUserId: clerk.id, action: 'update', entityType: 'account_task' },
    ]);

    const completeId = newRequestId('task-complete');
    const completed = await as(clerk.token).put(taskId, { completed: true }, completeId).expect(200);
    expect(completed.body).toMatchObject({
      completed: true,
      completedAt: completedAt.toISOString(),
      completedByUserId: clerk.id,
      completedByName: clerkName,
      assignedUserId: technician.id,
    });
    await expect(auditEntries(sut, completeId)).resolves.toEqual([
      { accountId, actorUserId: clerk.id, action: 'update', entityType: 'account_task' },
    ]);

    const open = await as(technician.token).list({ accountId, completed: false }).expect(200);
    expect(open.body.map((t: { id: number }) => t.id)).toEqual([other.body.id]);
    const done = await as(technician.token).list({ accountId, completed: true }).expect(200);
    expect(done.body.map((t: { id: number }) => t.id)).toEqual([taskId]);
    const mine = await as(technician.token).list({ assignedUserId: technician.id }).expect(200);
    expect(mine.body.map((t: { id: number }) => t.id)).toEqual([taskId]);
    const all = await as(technician.token).list({ accountId }).expect(200);
    expect(all.body.map((t: { id: number }) => t.id)).toEqual([other.body.id, taskId]);

    const reopenId = newRequestId('task-reopen');
    const reopened = await as(clerk.token).put(taskId, { completed: false, dueDate: null }, reopenId).expect(200);
    expect(reopened.body).toMatchObject({
      completed: false,
      completedAt: null,
      completedByUserId: null,
      completedByName: null,
      dueDate: null,
    });
    await expect(auditEntries(sut, reopenId)).resolves.toEqual([
      { accountId, actorUserId: clerk.id, action: 'update', entityType: 'account_task' },
    ]);
    const openAgain = await as(technician.token).list({ accountId, completed: false }).expect(200);
    expect(openAgain.body.map((t: { id: number }) => t.id).sort()).toEqual([other.body.id, taskId].sort());

    const deleteId = newRequestId('task-delete');
    await sut.http().delete(`/api/account-tasks/${taskId}`).auth(clerk.token, { type: 'bearer' }).set('X-Request-Id', deleteId).expect(200);
    await expect(auditEntries(sut, deleteId)).resolves.toEqual([
      { accountId, actorUserId: clerk.id, action: 'delete', entityType: 'account_task' },
    ]);
    await sut.http().get(`/api/account-tasks/${taskId}`).auth(clerk.token, { type: 'bearer' }).expect(404);
  });

  it('keeps the first completion when a completed task is saved again as completed', async () => {
    const { body: task } = await as(clerk.token).post({ accountId, title: 'Check the drop cable' }).expect(201);
    await as(clerk.token).put(task.id, { completed: true }).expect(200);
    const later = new Date('2026-11-21T09:00:00.000Z');
    jest.spyOn(sut.app.get(Clock), 'now').mockReturnValue(later);
    const again = await as(clerk.token).put(task.id, { completed: true, title: 'Check the drop cable (done)' }).expect(200);
    expect(again.body).toMatchObject({ completedAt: completedAt.toISOString(), title: 'Check the drop cable (done)' });
  });
});
