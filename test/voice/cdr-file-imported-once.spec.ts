import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workflowIds } from '../../workflows/shared';
import {
  accountWith,
  addDid,
  assign,
  ASTERISK_UTC,
  countCalls,
  freshNumber,
  importedFile,
  masterLine,
  ratePlan,
  upload,
  voiceCatalogService,
  VoiceWorld,
  voiceWorld,
} from './voice-world';

/**
 * A call is one row whatever brings it: the same file uploaded twice, or two files that overlap,
 * record each call once, and each file's counters say how many were new and how many seen before.
 */
describe('a switch file imported twice, and two files that overlap', () => {
  let w: VoiceWorld;
  beforeAll(async () => {
    w = await voiceWorld({ worker: true });
  });
  afterAll(() => w.close());

  it('records each call once, matched to the holder of the number and rated by its plan', async () => {
    const serviceId = await voiceCatalogService(w, await ratePlan(w));
    const alice = await accountWith(w, serviceId);
    const bob = await accountWith(w, serviceId);
    const aliceDid = await addDid(w);
    const bobDid = await addDid(w);
    await assign(w, alice.accountId, alice.accountServiceId, aliceDid.id);
    await assign(w, bob.accountId, bob.accountServiceId, bobDid.id);
    const run = randomUUID().slice(0, 8);
    const outsider = freshNumber();

    const lines = [
      // Alice calls New York: 30/6 at $0.008, 31 seconds bill 36.
      masterLine({ src: aliceDid.number, dst: '12125550100', start: '2026-03-02 10:00:00', billsec: 31, uniqueid: `${run}.1` }),
      // Alice calls London: 1/1 at $0.05.
      masterLine({ src: aliceDid.number, dst: '011442079460958', start: '2026-03-02 11:00:00', billsec: 95, uniqueid: `${run}.2` }),
      // Someone calls Bob: inbound, 60/60 at $0.002.
      masterLine({ src: outsider, dst: bobDid.number.slice(1), start: '2026-03-03 09:00:00', billsec: 61, uniqueid: `${run}.3` }),
      // Bob calls Alice: a call between two subscribers is the caller's.
      masterLine({ src: bobDid.number, dst: aliceDid.number, start: '2026-03-03 12:00:00', billsec: 10, uniqueid: `${run}.4` }),
      // Nobody answered: billed nothing.
      masterLine({ src: aliceDid.number, dst: '12175550199', start: '2026-03-04 08:00:00', billsec: 0, uniqueid: `${run}.5` }),
    ];
    const text = `${lines.join('\n')}\n`;

    const first = await upload(w, '/api/voice-cdr-files', text, ASTERISK_UTC, 'Master.csv').expect(201);
    expect(first.body).toMatchObject({
      name: 'Master.csv',
      source: 'upload',
      format: 'asterisk',
      workflowId: workflowIds.cdrFile(first.body.id),
    });
    await expect(importedFile(w, first.body.id)).resolves.toMatchObject({
      status: 'imported',
      linesRead: 5,
      callsRecorded: 5,
      callsDuplicate: 0,
      linesRejected: 0,
      failure: null,
    });

    const calls = await w.sut.db.query(
      `SELECT account_id, direction, from_number, to_number, duration_seconds, billed_seconds, rate_prefix, rate_micro, line_no
         FROM voice_calls WHERE account_id IN (?) ORDER BY started_at`,
      [[alice.accountId, bob.accountId]],
    );
    expect(calls.map((c: Record<string, unknown>) => ({ ...c, account_id: Number(c.account_id) }))).toEqual([
      {
        account_id: alice.accountId,
        direction: 'outbound',
        from_number: aliceDid.number,
        to_number: '12125550100',
        duration_seconds: 31,
        billed_seconds: 36,
        rate_prefix: '1212',
        rate_micro: 8000,
        line_no: 1,
      },
      {
        account_id: alice.accountId,
        direction: 'outbound',
        from_number: aliceDid.number,
        to_number: '442079460958',
        duration_seconds: 95,
        billed_seconds: 95,
        rate_prefix: '44',
        rate_micro: 50000,
        line_no: 2,
      },
      {
        account_id: bob.accountId,
        direction: 'inbound',
        from_number: outsider,
        to_number: bobDid.number,
        duration_seconds: 61,
        billed_seconds: 120,
        rate_prefix: '1',
        rate_micro: 2000,
        line_no: 3,
      },
      {
        account_id: bob.accountId,
        direction: 'outbound',
        from_number: bobDid.number,
        to_number: aliceDid.number,
        duration_seconds: 10,
        billed_seconds: 60,
        rate_prefix: '1',
        rate_micro: 10000,
        line_no: 4,
      },
      {
        account_id: alice.accountId,
        direction: 'outbound',
        from_number: aliceDid.number,
        to_number: '12175550199',
        duration_seconds: 0,
        billed_seconds: 0,
        rate_prefix: '1',
        rate_micro: 10000,
        line_no: 5,
      },
    ]);

    // The same bytes again: a file of its own, kept once on disk, every call a duplicate.
    const again = await upload(w, '/api/voice-cdr-files', text, ASTERISK_UTC, 'Master-again.csv').expect(201);
    await expect(importedFile(w, again.body.id)).resolves.toMatchObject({
      status: 'imported',
      linesRead: 5,
      callsRecorded: 0,
      callsDuplicate: 5,
    });
    const stored = await w.sut.db.query('SELECT DISTINCT stored_path FROM voice_cdr_files WHERE id IN (?)', [
      [first.body.id, again.body.id],
    ]);
    expect(stored).toHaveLength(1);
    await expect(countCalls(w, [alice.accountId, bob.accountId])).resolves.toBe(5);

    // A later file that repeats the last two calls and brings two new ones, one of them twice.
    const later = [
      lines[3],
      lines[4],
      masterLine({ src: aliceDid.number, dst: '12125550111', start: '2026-03-05 10:00:00', billsec: 5, uniqueid: `${run}.6` }),
      masterLine({ src: bobDid.number, dst: '12125550112', start: '2026-03-05 11:00:00', billsec: 7, uniqueid: `${run}.7` }),
      masterLine({ src: bobDid.number, dst: '12125550112', start: '2026-03-05 11:00:00', billsec: 7, uniqueid: `${run}.7` }),
    ];
    const overlap = await upload(w, '/api/voice-cdr-files', later.join('\r\n'), ASTERISK_UTC, 'Master-later.csv').expect(201);
    const done = await importedFile(w, overlap.body.id);
    expect(done).toMatchObject({ status: 'imported', linesRead: 5, callsRecorded: 2, callsDuplicate: 3, linesRejected: 0 });
    await expect(countCalls(w, [alice.accountId, bob.accountId])).resolves.toBe(7);

    const history = await w.client.workflow.getHandle(workflowIds.cdrFile(first.body.id)).fetchHistory();
    expect((history.events ?? []).filter((e) => e.activityTaskScheduledEventAttributes)).toHaveLength(1);
    if (process.env.RECORD_HISTORIES) {
      writeFileSync(join(__dirname, '../workflows/histories/cdr-file-imported-in-one-round.json'), historyToJSON(history));
    }
  });
});
