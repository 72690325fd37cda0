import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Permission } from '../../src/auth/permission';
import { auditEntries, insertAccount, newRequestId } from '../notes/account-fixture';
import type { TestApp } from '../support/test-app';
import { createFilesApp, fileRows, storedFiles } from './file-fixture';

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const value = await probe();
    if (done(value)) return value;
    await sleep(50);
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('account files: a client that hangs up mid-upload', () => {
  let sut: TestApp;
  let token: string;
  let accountId: number;
  let port: number;
  beforeAll(async () => {
    sut = await createFilesApp();
    token = (await sut.userWith([Permission.AccountsRead, Permission.AccountsManage])).token;
    accountId = await insertAccount(sut);
    const server = sut.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => sut.close());

  it('leaves no partial file, row or log entry behind', async () => {
    const requestId = newRequestId('file-aborted');
    const boundary = `----backhaul-${randomUUID()}`;
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/account-files',
      headers: {
        Authorization: `Bearer ${token}`,
        'X-Request-Id': requestId,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': 50 * 1024 * 1024,
      },
    });
    req.on('error', () => undefined);
    req.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="accountId"\r\n\r\n${accountId}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.bin"\r\n\r\n`,
    );
    req.write(Buffer.alloc(256 * 1024, 0x2e));

    const partial = await waitFor(
      () => storedFiles(sut),
      (files) => files.length === 1,
      'the partial file to appear',
    );
    expect(partial).toHaveLength(1);
    req.destroy();

    await expect(
      waitFor(
        () => storedFiles(sut),
        (files) => files.length === 0,
        'the partial file to go',
      ),
    ).resolves.toEqual([]);
    await expect(fileRows(sut, accountId)).resolves.toBe(0);
    await expect(auditEntries(sut, requestId)).resolves.toEqual([]);
  });
});
