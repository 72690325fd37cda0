import { createTestApp, TestApp } from '../support/test-app';
import { auditEntries, insertAccount, newRequestId } from './account-fixture';

describe('account tasks: refused input names the field and writes nothing', () => {
  let sut: TestApp;
  let token: string;
  let accountId: number;
  const tasksOf = async (id: number) =>
    Number((await sut.db.query('SELECT COUNT(*) AS n FROM account_tasks WHERE account_id = ?', [id]))[0].n);

  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
    accountId = await insertAccount(sut);
  });
  afterAll(() => sut.close());

  const post = (body: object, requestId: string) =>
    sut.http().post('/api/account-tasks').auth(token, { type: 'bearer' }).set('X-Request-Id', requestId).send(body);

  it('refuses an assignee who is deactivated or does not exist', async () => {
    const retired = await sut.userWith([]);
    await sut.db.query('UPDATE staff_users SET active = 0 WHERE id = ?', [retired.id]);
    for (const assignedUserId of [retired.id, 999_999_999]) {
      const requestId = newRequestId('task-assignee');
      const res = await post({ accountId, title: 'Swap the router', assignedUserId }, requestId).expect(400);
      expect(res.body.details).toEqual([
        { field: 'assignedUserId', rule: 'activeUser', message: `staff user ${assignedUserId} does not exist or is deactivated` },
      ]);
      await expect(auditEntries(sut, requestId)).resolves.toEqual([]);
    }
    await expect(tasksOf(accountId)).resolves.toBe(0);
  });

  it('refuses a malformed due date, blank title and unknown fields', async () => {
    const requestId = newRequestId('task-shape');
    const res = await post({ accountId, title: ' ', dueDate: '2026-02-30', priority: 'high' }, requestId).expect(400);
    const rules = res.body.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`);
    expect(rules).toEqual(expect.arrayContaining(['title:matches', 'dueDate:date', 'priority:unknownField']));
    await expect(auditEntries(sut, requestId)).resolves.toEqual([]);
    await expect(tasksOf(accountId)).resolves.toBe(0);
  });

  it('refuses moving a task to another account, or reassigning it to a deactivated user, leaving it unchanged', async () => {
    const { body: task } = await post({ accountId, title: 'Survey the site' }, newRequestId('task-seed')).expect(201);
    const elsewhere = await insertAccount(sut);
    const retired = await sut.userWith([]);
    await sut.db.query('UPDATE staff_users SET active = 0 WHERE id = ?', [retired.id]);
    const requestId = newRequestId('task-move');
    const put = (body: object) =>
      sut.http().put(`/api/account-tasks/${task.id}`).auth(token, { type: 'bearer' }).set('X-Request-Id', requestId).send(body);

    const moved = await put({ accountId: elsewhere, title: 'Survey the other site' }).expect(400);
    expect(moved.body.details).toEqual([expect.objectContaining({ field: 'accountId', rule: 'immutable' })]);
    const reassigned = await put({ assignedUserId: retired.id, title: 'Survey the other site' }).expect(400);
    expect(reassigned.body.details).toEqual([expect.objectContaining({ field: 'assignedUserId', rule: 'activeUser' })]);

    await expect(auditEntries(sut, requestId)).resolves.toEqual([]);
    const [row] = await sut.db.query('SELECT account_id, title, assigned_user_id FROM account_tasks WHERE id = ?', [task.id]);
    expect(row).toEqual({ account_id: accountId, title: 'Survey the site', assigned_user_id: null });
  });
});
