import { Permission } from '../../src/auth/permission';
import { auditEntries, insertAccount, newRequestId } from '../notes/account-fixture';
import type { TestApp } from '../support/test-app';
import { createFilesApp, fileRows, storedFiles, upload } from './file-fixture';

describe('account files: refused uploads leave nothing behind', () => {
  let sut: TestApp;
  let token: string;
  let accountId: number;
  const content = Buffer.from('%PDF-1.7\n' + 'x'.repeat(200_000));

  beforeAll(async () => {
    sut = await createFilesApp();
    token = (await sut.userWith([Permission.AccountsRead, Permission.AccountsManage])).token;
    accountId = await insertAccount(sut);
  });
  afterAll(() => sut.close());

  const nothingWritten = async (requestId: string) => {
    await expect(storedFiles(sut)).resolves.toEqual([]);
    await expect(fileRows(sut, accountId)).resolves.toBe(0);
    await expect(auditEntries(sut, requestId)).resolves.toEqual([]);
  };

  it('refuses a caller without a session or without accounts.manage before reading the body', async () => {
    const requestId = newRequestId('file-unauthorized');
    await sut
      .http()
      .post('/api/account-files')
      .set('X-Request-Id', requestId)
      .field('accountId', String(accountId))
      .attach('file', content, 'contract.pdf')
      .expect(401);
    const reader = await sut.userWith([Permission.AccountsRead]);
    const res = await upload(sut, reader.token, accountId, 'contract.pdf', content, requestId).expect(403);
    expect(res.body.message).toContain(Permission.AccountsManage);
    await nothingWritten(requestId);
  });

  it('answers 400 naming accountId when it is missing, malformed or sent after the file', async () => {
    const requestId = newRequestId('file-no-account');
    const missing = await sut
      .http()
      .post('/api/account-files')
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', requestId)
      .attach('file', content, 'contract.pdf')
      .expect(400);
    expect(missing.body.details).toEqual([{ field: 'accountId', rule: 'required', message: 'accountId must be sent before the file' }]);

    const malformed = await upload(sut, token, '12abc', 'contract.pdf', content, requestId).expect(400);
    expect(malformed.body.details).toEqual([expect.objectContaining({ field: 'accountId', rule: 'isPositive' })]);

    const late = await sut
      .http()
      .post('/api/account-files')
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', requestId)
      .attach('file', content, 'contract.pdf')
      .field('accountId', String(accountId))
      .expect(400);
    expect(late.body.details[0]).toMatchObject({ field: 'accountId', rule: 'required' });
    await nothingWritten(requestId);
  });

  it('answers 400 when the file part is missing and 404 for an account that does not exist', async () => {
    const requestId = newRequestId('file-no-file');
    const noFile = await sut
      .http()
      .post('/api/account-files')
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', requestId)
      .field('accountId', String(accountId))
      .expect(400);
    expect(noFile.body.details).toEqual([expect.objectContaining({ field: 'body', rule: 'multipart', message: 'file is missing' })]);

    const ghost = await upload(sut, token, 999_999_999, 'contract.pdf', content, requestId).expect(404);
    expect(ghost.body.message).toBe('Account 999999999 does not exist');
    await nothingWritten(requestId);
  });

  it('answers 415 to an upload that is not multipart', async () => {
    const requestId = newRequestId('file-json');
    const res = await sut
      .http()
      .post('/api/account-files')
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', requestId)
      .send({ accountId, file: 'JVBERi0xLjcK' })
      .expect(415);
    expect(res.body.details[0]).toMatchObject({ field: 'Content-Type', rule: 'mediaType' });
    await nothingWritten(requestId);
  });
});
