import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';
import { auditEntries, insertAccount, newRequestId } from './account-fixture';

describe('account notes: write, read, edit and delete, each logged once against the account', () => {
  let sut: TestApp;
  let author: { id: number; token: string };
  let editor: { id: number; token: string };
  let accountId: number;
  beforeAll(async () => {
    sut = await createTestApp();
    author = await sut.userWith([Permission.AccountsRead, Permission.AccountsManage]);
    editor = await sut.userWith([Permission.AccountsRead, Permission.AccountsManage]);
    accountId = await insertAccount(sut);
  });
  afterAll(() => sut.close());

  it('records the author, lists newest first, and lets another manager edit and delete', async () => {
    const first = newRequestId('note-create');
    const created = await sut
      .http()
      .post('/api/account-notes')
      .auth(author.token, { type: 'bearer' })
      .set('X-Request-Id', first)
      .send({ accountId, body: 'Customer reports slow speeds in the evening.' })
      .expect(201);
    const [authorRow] = await sut.db.query('SELECT name FROM staff_users WHERE id = ?', [author.id]);
    expect(created.body).toEqual({
      id: expect.any(Number),
      accountId,
      authorUserId: author.id,
      authorName: authorRow.name,
      body: 'Customer reports slow speeds in the evening.',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    await expect(auditEntries(sut, first)).resolves.toEqual([
      { accountId, actorUserId: author.id, action: 'create', entityType: 'account_note' },
    ]);

    const second = await sut
      .http()
      .post('/api/account-notes')
      .auth(author.token, { type: 'bearer' })
      .send({ accountId, body: 'Technician booked for Tuesday.' })
      .expect(201);
    // Both notes may land in the same millisecond; make the order unambiguous.
    await sut.db.query('UPDATE account_notes SET created_at = created_at - INTERVAL 1 MINUTE WHERE id = ?', [created.body.id]);

    const list = await sut
      .http()
      .get(`/api/account-notes?filter=${encodeURIComponent(JSON.stringify({ accountId }))}`)
      .auth(author.token, { type: 'bearer' })
      .expect(200);
    expect(list.body.map((n: { id: number }) => n.id)).toEqual([second.body.id, created.body.id]);
    expect(list.headers['content-range']).toBe('account-notes 0-1/2');

    const editId = newRequestId('note-edit');
    const edited = await sut
      .http()
      .put(`/api/account-notes/${created.body.id}`)
      .auth(editor.token, { type: 'bearer' })
      .set('X-Request-Id', editId)
      .send({ body: 'Customer reports slow speeds between 7 and 10 pm.' })
      .expect(200);
    expect(edited.body).toMatchObject({
      id: created.body.id,
      authorUserId: author.id,
      body: 'Customer reports slow speeds between 7 and 10 pm.',
    });
    await expect(auditEntries(sut, editId)).resolves.toEqual([
      { accountId, actorUserId: editor.id, action: 'update', entityType: 'account_note' },
    ]);

    const deleteId = newRequestId('note-delete');
    await sut
      .http()
      .delete(`/api/account-notes/${created.body.id}`)
      .auth(editor.token, { type: 'bearer' })
      .set('X-Request-Id', deleteId)
      .expect(200);
    await expect(auditEntries(sut, deleteId)).resolves.toEqual([
      { accountId, actorUserId: editor.id, action: 'delete', entityType: 'account_note' },
    ]);
    await sut.http().get(`/api/account-notes/${created.body.id}`).auth(author.token, { type: 'bearer' }).expect(404);

    const history = await sut
      .http()
      .get(`/api/action-history?filter=${encodeURIComponent(JSON.stringify({ accountId }))}&sort=["id","ASC"]`)
      .auth((await sut.admin()).token, { type: 'bearer' })
      .expect(200);
    expect(history.body.map((e: { action: string }) => e.action)).toEqual(['create', 'create', 'update', 'delete']);
  });
});
