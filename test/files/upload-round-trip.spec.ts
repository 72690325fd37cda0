import { Permission } from '../../src/auth/permission';
import { auditEntries, insertAccount, newRequestId } from '../notes/account-fixture';
import type { TestApp } from '../support/test-app';
import { binary, createFilesApp, storedFiles, upload } from './file-fixture';

describe('account files: a small upload comes back byte for byte, typed from its content', () => {
  let sut: TestApp;
  let clerk: { id: number; token: string };
  let accountId: number;
  beforeAll(async () => {
    sut = await createFilesApp();
    clerk = await sut.userWith([Permission.AccountsRead, Permission.AccountsManage]);
    accountId = await insertAccount(sut);
  });
  afterAll(() => sut.close());

  it('stores the file under a random key, records the uploader, and serves it as an attachment', async () => {
    const content = Buffer.from('plan,price_cents\nFiber 500,5999\nFiber 1000,7999\n');
    const requestId = newRequestId('file-upload');
    const res = await upload(sut, clerk.token, accountId, 'Préstamo plans; v2.csv', content, requestId).expect(201);
    const [{ name: clerkName }] = await sut.db.query('SELECT name FROM staff_users WHERE id = ?', [clerk.id]);
    expect(res.body).toEqual({
      id: expect.any(Number),
      accountId,
      name: 'Préstamo plans; v2.csv',
      sizeBytes: content.length,
      mimeType: 'text/csv',
      hasThumbnail: false,
      uploadedByUserId: clerk.id,
      uploadedByName: clerkName,
      createdAt: expect.any(String),
    });
    await expect(auditEntries(sut, requestId)).resolves.toEqual([
      { accountId, actorUserId: clerk.id, action: 'create', entityType: 'account_file' },
    ]);

    const [{ storage_key: storageKey }] = await sut.db.query('SELECT storage_key FROM account_files WHERE id = ?', [res.body.id]);
    expect(storageKey).toMatch(/^[0-9a-f-]{36}$/);
    await expect(storedFiles(sut)).resolves.toEqual([storageKey]);

    const download = await sut
      .http()
      .get(`/api/account-files/${res.body.id}/download`)
      .auth(clerk.token, { type: 'bearer' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(Buffer.compare(download.body, content)).toBe(0);
    expect(download.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(download.headers['content-length']).toBe(String(content.length));
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Pr_stamo plans; v2.csv"; filename*=UTF-8''Pr%C3%A9stamo%20plans%3B%20v2.csv`,
    );

    const list = await sut
      .http()
      .get(`/api/account-files?filter=${encodeURIComponent(JSON.stringify({ accountId }))}`)
      .auth(clerk.token, { type: 'bearer' })
      .expect(200);
    expect(list.body).toEqual([res.body]);
    expect(list.headers['content-range']).toBe('account-files 0-0/1');
  });
});
