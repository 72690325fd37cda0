import sharp from 'sharp';
import { Permission } from '../../src/auth/permission';
import { auditEntries, insertAccount, newRequestId } from '../notes/account-fixture';
import type { TestApp } from '../support/test-app';
import { createFilesApp, storedFiles, upload } from './file-fixture';

describe('account files: rename and delete', () => {
  let sut: TestApp;
  let clerk: { id: number; token: string };
  let accountId: number;
  beforeAll(async () => {
    sut = await createFilesApp();
    clerk = await sut.userWith([Permission.AccountsRead, Permission.AccountsManage]);
    accountId = await insertAccount(sut);
  });
  afterAll(() => sut.close());

  const put = (id: number, body: object, requestId = newRequestId('file-rename')) =>
    sut.http().put(`/api/account-files/${id}`).auth(clerk.token, { type: 'bearer' }).set('X-Request-Id', requestId).send(body);

  it('renames with a safe name only, then deletes the row, the bytes and the thumbnail', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#884422' } })
      .jpeg()
      .toBuffer();
    const { body: file } = await upload(sut, clerk.token, accountId, 'IMG_0001.JPG', jpeg).expect(201);
    expect(file).toMatchObject({ mimeType: 'image/jpeg', hasThumbnail: true });
    await expect(storedFiles(sut)).resolves.toHaveLength(2);

    const refusedId = newRequestId('file-rename-refused');
    for (const name of ['../../etc/passwd', 'a\\b.jpg', '', '   ', '..', 'x'.repeat(256), 'line\nbreak.jpg']) {
      const res = await put(file.id, { name }, refusedId).expect(400);
      expect(res.body.details[0]).toMatchObject({ field: 'name' });
    }
    await expect(auditEntries(sut, refusedId)).resolves.toEqual([]);

    const renameId = newRequestId('file-rename');
    const renamed = await put(file.id, { name: 'Pole 14 "before" repair.jpg' }, renameId).expect(200);
    expect(renamed.body).toMatchObject({ id: file.id, name: 'Pole 14 "before" repair.jpg', sizeBytes: jpeg.length });
    await expect(auditEntries(sut, renameId)).resolves.toEqual([
      { accountId, actorUserId: clerk.id, action: 'update', entityType: 'account_file' },
    ]);
    const download = await sut.http().get(`/api/account-files/${file.id}/download`).auth(clerk.token, { type: 'bearer' }).expect(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Pole 14 _before_ repair.jpg"; filename*=UTF-8''Pole%2014%20%22before%22%20repair.jpg`,
    );

    const deleteId = newRequestId('file-delete');
    const deleted = await sut
      .http()
      .delete(`/api/account-files/${file.id}`)
      .auth(clerk.token, { type: 'bearer' })
      .set('X-Request-Id', deleteId)
      .expect(200);
    expect(deleted.body).toMatchObject({ id: file.id, name: 'Pole 14 "before" repair.jpg' });
    await expect(auditEntries(sut, deleteId)).resolves.toEqual([
      { accountId, actorUserId: clerk.id, action: 'delete', entityType: 'account_file' },
    ]);
    await expect(storedFiles(sut)).resolves.toEqual([]);
    await sut.http().get(`/api/account-files/${file.id}`).auth(clerk.token, { type: 'bearer' }).expect(404);
    await sut.http().get(`/api/account-files/${file.id}/download`).auth(clerk.token, { type: 'bearer' }).expect(404);
  });
});
