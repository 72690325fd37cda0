import { Permission } from '../../src/auth/permission';
import { insertAccount } from '../notes/account-fixture';
import type { TestApp } from '../support/test-app';
import { createFilesApp, upload } from './file-fixture';

describe('account files: HTML named .png is never stored or served as an image', () => {
  let sut: TestApp;
  let token: string;
  let accountId: number;
  beforeAll(async () => {
    sut = await createFilesApp();
    token = (await sut.userWith([Permission.AccountsRead, Permission.AccountsManage])).token;
    accountId = await insertAccount(sut);
  });
  afterAll(() => sut.close());

  it('types the file from its content and serves it as a download the browser may not sniff', async () => {
    const html = Buffer.from('\n  <!DOCTYPE html><html><body><script>fetch("/api/auth/me")</script></body></html>');
    const res = await upload(sut, token, accountId, 'invoice.png', html).expect(201);
    expect(res.body).toMatchObject({ name: 'invoice.png', mimeType: 'text/html', hasThumbnail: false });

    const download = await sut.http().get(`/api/account-files/${res.body.id}/download`).auth(token, { type: 'bearer' }).expect(200);
    expect(download.headers['content-type']).not.toMatch(/^image\//);
    expect(download.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toMatch(/^attachment; /);
    await sut.http().get(`/api/account-files/${res.body.id}/thumbnail`).auth(token, { type: 'bearer' }).expect(404);
  });
});
