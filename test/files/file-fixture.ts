import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '../../src/config/app-config';
import { createTestApp, TestApp } from '../support/test-app';

/** An app with a storage folder of its own, so counting files on disk is not disturbed by suites running beside it. */
export function createFilesApp(overrides: Partial<Record<keyof AppConfig, string>> = {}): Promise<TestApp> {
  return createTestApp({ STORAGE_DIR: join(process.env.TEST_SCRATCH_DIR!, `storage-${randomUUID()}`), ...overrides });
}

/** Everything on disk under the account-files folder (files and thumbnails). */
export async function storedFiles(sut: TestApp): Promise<string[]> {
  try {
    return (await readdir(join(sut.config.STORAGE_DIR, 'account-files'))).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

export function upload(
  sut: TestApp,
  token: string,
  accountId: number | string,
  name: string,
  content: Buffer,
  requestId = `upload-${randomUUID()}`,
) {
  return sut
    .http()
    .post('/api/account-files')
    .auth(token, { type: 'bearer' })
    .set('X-Request-Id', requestId)
    .field('accountId', String(accountId))
    .attach('file', content, { filename: name, contentType: 'application/octet-stream' });
}

export async function fileRows(sut: TestApp, accountId: number): Promise<number> {
  const [row] = await sut.db.query('SELECT COUNT(*) AS n FROM account_files WHERE account_id = ?', [accountId]);
  return Number(row.n);
}

/** supertest hands binary bodies over as a Buffer only when asked to; pass this to `.parse()`. */
export function binary(res: unknown, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
  stream.on('error', (err: Error) => done(err, Buffer.alloc(0)));
}
