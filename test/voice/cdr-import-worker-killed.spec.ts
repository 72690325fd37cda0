import type { ChildProcess } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exited, startWorkerProcess, waitUntil } from '../support/processes';
import {
  accountWith,
  addDid,
  assign,
  ASTERISK_UTC,
  call,
  masterLine,
  ratePlan,
  upload,
  voiceCatalogService,
  VoiceWorld,
  voiceWorld,
} from './voice-world';

const CALLS = 100_000;
const SUBSCRIBERS = 20;

/**
 * The worker importing a large switch file is killed outright in the middle of it, and another
 * takes over: the import resumes at the last committed chunk, and every call of the file is
 * recorded exactly once, none counted as a duplicate of itself.
 */
describe('a call record import surviving a worker killed with SIGKILL', () => {
  const folder = mkdtempSync(join(tmpdir(), 'backhaul-cdr-chaos-'));
  let w: VoiceWorld;
  let worker: ChildProcess | null = null;

  beforeAll(async () => {
    w = await voiceWorld({ isolated: true, config: { VOICE_CDR_FOLDER: folder } });
    // A file's import is `cdr-file/<id>` on the run's one Temporal server: ids of this database of its
    // own start far from those of the run's shared one, so no other suite's file has this one's run.
    await w.sut.db.query(`ALTER TABLE voice_cdr_files AUTO_INCREMENT = ${randomInt(100_000_000, 2_000_000_000)}`);
  }, 120_000);

  afterAll(async () => {
    if (worker) {
      worker.kill('SIGKILL');
      await exited(worker);
    }
    await w?.close();
    rmSync(folder, { recursive: true, force: true });
  }, 60_000);

  const workerEnv = () => ({
    DATABASE_URL: w.sut.config.DATABASE_URL,
    TEMPORAL_ADDRESS: w.sut.config.TEMPORAL_ADDRESS,
    TEMPORAL_NAMESPACE: w.sut.config.TEMPORAL_NAMESPACE,
    TEMPORAL_TASK_QUEUE: w.sut.config.TEMPORAL_TASK_QUEUE,
    STORAGE_DIR: resolve(w.sut.config.STORAGE_DIR),
    VOICE_CDR_FOLDER: folder,
    NODE_ENV: 'test',
  });
  const fileRow = async (id: number) =>
    (
      await w.sut.db.query(
        'SELECT status, lines_read, calls_recorded, calls_duplicate, lines_rejected, resume_line FROM voice_cdr_files WHERE id = ?',
        [id],
      )
    )[0] as {
      status: string;
      lines_read: number;
      calls_recorded: number;
      calls_duplicate: number;
      lines_rejected: number;
      resume_line: number;
    };

  it('records every call of the file once', async () => {
    const serviceId = await voiceCatalogService(w, await ratePlan(w));
    const dids: string[] = [];
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const { accountId, accountServiceId } = await accountWith(w, serviceId);
      const did = await addDid(w);
      await assign(w, accountId, accountServiceId, did.id);
      dids.push(did.number);
    }
    const run = randomUUID().slice(0, 8);
    const lines: string[] = [];
    for (let i = 0; i < CALLS; i++) {
      const second = i % 86_400;
      const start = `2026-03-${String(1 + Math.floor(i / 86_400)).padStart(2, '0')} ${String(Math.floor(second / 3600)).padStart(2, '0')}:${String(Math.floor(second / 60) % 60).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}`;
      lines.push(
        masterLine({
          src: dids[i % SUBSCRIBERS],
          dst: `1212555${String(i % 10_000).padStart(4, '0')}`,
          start,
          billsec: 1 + (i % 600),
          uniqueid: `${run}.${i}`,
        }),
      );
    }

    worker = await startWorkerProcess(workerEnv());
    const sent = await upload(w, '/api/voice-cdr-files', `${lines.join('\n')}\n`, ASTERISK_UTC, 'large.csv').expect(201);
    const fileId = sent.body.id as number;
    await waitUntil('the first chunks of the file to commit', async () => Number((await fileRow(fileId)).calls_recorded) > 0, 60_000);
    worker.kill('SIGKILL');
    await exited(worker);
    const atKill = await fileRow(fileId);
    // The kill landed inside the file, not after it.
    expect(atKill.status).toBe('importing');
    expect(Number(atKill.calls_recorded)).toBeLessThan(CALLS);

    worker = await startWorkerProcess(workerEnv());
    await waitUntil('the import to finish on the new worker', async () => (await fileRow(fileId)).status !== 'importing', 120_000);

    const done = await fileRow(fileId);
    expect({
      status: done.status,
      linesRead: Number(done.lines_read),
      recorded: Number(done.calls_recorded),
      duplicate: Number(done.calls_duplicate),
      rejected: Number(done.lines_rejected),
      resumeLine: Number(done.resume_line),
    }).toEqual({ status: 'imported', linesRead: CALLS, recorded: CALLS, duplicate: 0, rejected: 0, resumeLine: CALLS });
    const [{ calls, lines: distinctLines }] = await w.sut.db.query(
      'SELECT COUNT(*) AS calls, COUNT(DISTINCT line_no) AS `lines` FROM voice_calls WHERE file_id = ?',
      [fileId],
    );
    expect({ calls: Number(calls), lines: Number(distinctLines) }).toEqual({ calls: CALLS, lines: CALLS });
    await expect(call(w, 'get', `/api/voice-cdr-files/${fileId}`).expect(200)).resolves.toMatchObject({
      body: { status: 'imported', callsRecorded: CALLS },
    });
  }, 300_000);
});
