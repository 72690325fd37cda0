import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';
import { auditEntries, insertAccount, newRequestId } from './account-fixture';

describe('account notes: bad input and missing rows write nothing', () => {
  let sut: TestApp;
  let token: string;
  let accountId: number;
  const notesOf = async (id: number) =>
    Number((await sut.db.query('SELECT COUNT(*) AS n FROM account_notes WHERE account_id = ?', [id]))[0].n);

  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
    accountId = await insertAccount(sut);
  });
  afterAll(() => sut.close());

  it('answers 400 naming each field and rule', async () => {
    const requestId = newRequestId('note-bad');
    const res = await sut
      .http()
      .post('/api/account-notes')
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', requestId)
      .send({ accountId: 'forty-two', body: '   ', pinned: true })
      .expect(400);
    const rules = res.body.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`);
    expect(rules).toEqual(expect.arrayContaining(['accountId:isInt', 'body:matches', 'pinned:unknownField']));
    await expect(auditEntries(sut, requestId)).resolves.toEqual([]);

    const tooLong = await sut
      .http()
      .post('/api/account-notes')
      .auth(token, { type: 'bearer' })
      .send({ accountId, body: 'x'.repeat(10_001) })
      .expect(400);
    expect(tooLong.body.details).toEqual([expect.objectContaining({ field: 'body', rule: 'maxLength' })]);
    await expect(notesOf(accountId)).resolves.toBe(0);
  });

  it('answers 404 for an account or note that does not exist', async () => {
    const requestId = newRequestId('note-missing');
    const res = await sut
      .http()
      .post('/api/account-notes')
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', requestId)
      .send({ accountId: 999_999_999, body: 'Nobody home' })
      .expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, message: 'Account 999999999 does not exist' });
    await sut
      .http()
      .put('/api/account-notes/999999999')
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', requestId)
      .send({ body: 'x' })
      .expect(404);
    await sut.http().delete('/api/account-notes/999999999').auth(token, { type: 'bearer' }).set('X-Request-Id', requestId).expect(404);
    await expect(auditEntries(sut, requestId)).resolves.toEqual([]);
  });

  it('lets readers read but not write', async () => {
    const reader = await sut.userWith([Permission.AccountsRead]);
    await sut.http().get('/api/account-notes').auth(reader.token, { type: 'bearer' }).expect(200);
    const res = await sut
      .http()
      .post('/api/account-notes')
      .auth(reader.token, { type: 'bearer' })
      .send({ accountId, body: 'Sneaky' })
      .expect(403);
    expect(res.body.message).toContain(Permission.AccountsManage);
    await expect(notesOf(accountId)).resolves.toBe(0);
  });
});
