import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cdrFolderStatusQuery } from '../../workflows/shared';
import { ensureCdrFolderWatch } from '../../src/voice/cdr-workflows';
import { waitUntil } from '../support/processes';
import {
  accountWith,
  addDid,
  assign,
  countCalls,
  freshNumber,
  masterLine,
  ratePlan,
  voiceCatalogService,
  VoiceWorld,
  voiceWorld,
} from './voice-world';

/**
 * A switch drops files into the watched folder; the worker takes each complete one into storage and
 * imports it, once, however many times it looks again. A file named as unfinished is left alone,
 * and one whose options cannot be read is recorded as failed with the reason, and taken all the same.
 */
describe('the watched call record folder', () => {
  const folder = mkdtempSync(join(tmpdir(), 'backhaul-cdr-inbox-'));
  let w: VoiceWorld;
  beforeAll(async () => {
    w = await voiceWorld({ worker: true, config: { VOICE_CDR_FOLDER: folder, VOICE_CDR_FOLDER_SETTLE_SECONDS: '0' } });
  });
  afterAll(async () => {
    await w?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const filesNamed = async (name: string) =>
    (await w.sut.db.query("SELECT id, status, failure, calls_recorded FROM voice_cdr_files WHERE source = 'folder' AND name = ?", [
      name,
    ])) as {
      id: number;
      status: string;
      failure: string | null;
      calls_recorded: number;
    }[];

  it('takes each complete file once, and leaves unfinished ones where they are', async () => {
    const serviceId = await voiceCatalogService(w, await ratePlan(w));
    const { accountId, accountServiceId } = await accountWith(w, serviceId);
    const did = await addDid(w);
    await assign(w, accountId, accountServiceId, did.id);
    const run = randomUUID().slice(0, 8);
    const name = `Master-${run}.csv`;
    const lines = Array.from({ length: 3 }, (_, i) =>
      masterLine({ src: did.number, dst: freshNumber(), start: `2026-03-0${i + 1} 10:00:00`, billsec: 40, uniqueid: `${run}.${i}` }),
    );
    // The options first, then the file under a name marking it unfinished, renamed once written.
    writeFileSync(join(folder, `${name}.json`), JSON.stringify({ timeZone: 'UTC', defaultCountry: 'US', logUniqueId: true }));
    writeFileSync(join(folder, `${name}.part`), `${lines.join('\n')}\n`);
    writeFileSync(join(folder, `.still-writing-${run}.csv`), lines[0]);
    writeFileSync(join(folder, `broken-${run}.csv.json`), '{"timeZone": ');
    writeFileSync(join(folder, `broken-${run}.csv`), `${lines[0]}\n`);

    const { workflowId } = await ensureCdrFolderWatch(w.client, w.sut.config, { everySeconds: 1 });
    const watcher = w.client.workflow.getHandle(workflowId);
    const scans = async () => (await watcher.query(cdrFolderStatusQuery)).scans;
    const scansBefore = await scans().catch(() => 0);
    renameSync(join(folder, `${name}.part`), join(folder, name));

    await waitUntil('the folder file to be imported', async () => (await filesNamed(name)).some((f) => f.status === 'imported'), 60_000);
    const [broken] = await filesNamed(`broken-${run}.csv`);
    expect(broken).toMatchObject({ status: 'failed' });
    expect(broken.failure).toMatch(/its options file .* cannot be read/);

    // Several more looks at the folder take nothing again.
    const after = await scans();
    expect(after).toBeGreaterThan(scansBefore);
    await waitUntil('three more scans', async () => (await scans()) >= after + 3, 30_000);
    const taken = await filesNamed(name);
    expect(taken).toHaveLength(1);
    expect(Number(taken[0].calls_recorded)).toBe(3);
    await expect(countCalls(w, [accountId])).resolves.toBe(3);
    await expect(filesNamed(`broken-${run}.csv`)).resolves.toHaveLength(1);
    expect(readdirSync(folder).sort()).toEqual([`.still-writing-${run}.csv`]);

    if (process.env.RECORD_HISTORIES) {
      writeFileSync(join(__dirname, '../workflows/histories/cdr-folder-took-two-files.json'), historyToJSON(await watcher.fetchHistory()));
    }
    await watcher.terminate('test over');
  });
});
