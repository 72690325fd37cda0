import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { Permission } from '../../src/auth/permission';
import { auditEntries, insertAccount, newRequestId } from '../notes/account-fixture';
import type { TestApp } from '../support/test-app';
import { createFilesApp, fileRows, storedFiles } from './file-fixture';

const MB = 1024 * 1024;
const LIMIT_BYTES = 500 * MB;
const FILE_BYTES = 501 * MB;

/** A multipart body generated on the fly from one reused 1 MB chunk: nothing of its size exists in memory or on disk. */
function generatedMultipart(accountId: number, fileBytes: number) {
  const boundary = `----backhaul-${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="accountId"\r\n\r\n${accountId}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="backup.tar"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(MB, 0x2e);
  async function* parts() {
    yield head;
    for (let sent = 0; sent < fileBytes; sent += MB) yield chunk;
    yield tail;
  }
  return { stream: Readable.from(parts(), { objectMode: false }), boundary, length: head.length + fileBytes + tail.length };
}

describe('account files: an upload over the size limit', () => {
  let sut: TestApp;
  let token: string;
  let accountId: number;
  let port: number;
  beforeAll(async () => {
    sut = await createFilesApp({ FILE_MAX_BYTES: String(LIMIT_BYTES) });
    token = (await sut.userWith([Permission.AccountsRead, Permission.AccountsManage])).token;
    accountId = await insertAccount(sut);
    const server = sut.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => sut.close());

  it('is refused with 413 while streaming, leaving no bytes, row or log entry, and never held in memory', async () => {
    const requestId = newRequestId('file-oversized');
    const before = await storedFiles(sut);
    const body = generatedMultipart(accountId, FILE_BYTES);
    // Buffers live outside the JS heap; their total, unlike RSS, is not swollen by the allocator
    // keeping freed pages, so it tells a streamed upload from a buffered one whatever ran before.
    const baseline = process.memoryUsage().arrayBuffers;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 50);

    const answer = await new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/account-files',
        headers: {
          Authorization: `Bearer ${token}`,
          'X-Request-Id': requestId,
          'Content-Type': `multipart/form-data; boundary=${body.boundary}`,
          'Content-Length': body.length,
        },
      });
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          // The answer is in; stop sending the rest of the body.
          body.stream.destroy();
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        });
      });
      req.on('error', (err) => {
        if (!answered) reject(err);
      });
      body.stream.pipe(req);
    }).finally(() => clearInterval(sampler));

    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'The file is larger than the 500 MB upload limit',
      details: [{ field: 'file', rule: 'maxSize', message: `file must be at most ${LIMIT_BYTES} bytes` }],
    });
    await expect(storedFiles(sut)).resolves.toEqual(before);
    await expect(fileRows(sut, accountId)).resolves.toBe(0);
    await expect(auditEntries(sut, requestId)).resolves.toEqual([]);
    // Buffering the upload would hold at least 500 MB of buffers. Streaming holds socket and file buffers
    // and chunks the collector has not reclaimed yet, which external-memory pressure keeps bounded.
    expect(peak - baseline).toBeLessThan(300 * MB);
  });
});
