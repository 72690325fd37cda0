import sharp from 'sharp';
import { Permission } from '../../src/auth/permission';
import { insertAccount } from '../notes/account-fixture';
import type { TestApp } from '../support/test-app';
import { binary, createFilesApp, storedFiles, upload } from './file-fixture';

describe('account files: a real picture gets a small WebP thumbnail', () => {
  let sut: TestApp;
  let token: string;
  let accountId: number;
  beforeAll(async () => {
    sut = await createFilesApp();
    token = (await sut.userWith([Permission.AccountsRead, Permission.AccountsManage])).token;
    accountId = await insertAccount(sut);
  });
  afterAll(() => sut.close());

  it('detects the PNG, writes the thumbnail beside it and serves it', async () => {
    const png = await sharp({ create: { width: 1200, height: 600, channels: 3, background: { r: 30, g: 120, b: 200 } } })
      .png()
      .toBuffer();
    const res = await upload(sut, token, accountId, 'pole-photo', png).expect(201);
    expect(res.body).toMatchObject({ name: 'pole-photo', mimeType: 'image/png', hasThumbnail: true, sizeBytes: png.length });

    const [{ storage_key: key }] = await sut.db.query('SELECT storage_key FROM account_files WHERE id = ?', [res.body.id]);
    await expect(storedFiles(sut)).resolves.toEqual([key, `${key}.thumb.webp`]);

    const thumb = await sut
      .http()
      .get(`/api/account-files/${res.body.id}/thumbnail`)
      .auth(token, { type: 'bearer' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.headers['x-content-type-options']).toBe('nosniff');
    const meta = await sharp(thumb.body).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'webp', width: 256, height: 128 });
  });
});
