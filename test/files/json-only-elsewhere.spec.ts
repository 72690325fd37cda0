import { insertAccount } from '../notes/account-fixture';
import type { TestApp } from '../support/test-app';
import { createFilesApp, storedFiles } from './file-fixture';

describe('multipart is accepted on the upload route only', () => {
  let sut: TestApp;
  let token: string;
  let accountId: number;
  beforeAll(async () => {
    sut = await createFilesApp();
    token = (await sut.admin()).token;
    accountId = await insertAccount(sut);
  });
  afterAll(() => sut.close());

  it('still answers 415 to multipart and plain-text bodies on every other route', async () => {
    const multipart = (method: 'post' | 'put', path: string) => {
      const req = method === 'post' ? sut.http().post(path) : sut.http().put(path);
      return req.auth(token, { type: 'bearer' }).field('accountId', String(accountId)).attach('file', Buffer.from('hello'), 'hello.txt');
    };

    for (const [method, path] of [
      ['post', '/api/account-notes'],
      ['put', '/api/account-files/1'],
      ['post', '/api/account-files/1/download'],
      ['post', '/api/roles'],
    ] as const) {
      const res = await multipart(method, path).expect(415);
      expect(res.body).toMatchObject({ statusCode: 415, details: [{ field: 'Content-Type', rule: 'mediaType' }] });
    }
    await sut
      .http()
      .post('/api/account-files')
      .auth(token, { type: 'bearer' })
      .set('Content-Type', 'text/plain')
      .send('accountId=1')
      .expect(415);
    await expect(storedFiles(sut)).resolves.toEqual([]);
  });
});
