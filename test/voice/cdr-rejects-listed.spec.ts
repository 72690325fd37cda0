import { randomUUID } from 'node:crypto';
import {
  accountWith,
  addDid,
  assign,
  ASTERISK_UTC,
  call,
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
 * Every line of a file becomes a call or a reject with its reason: lines that are not records,
 * calls no subscriber's number was held at either end of when they started, and calls the plan
 * has no rate for. A file that cannot be read at all is refused at upload, and nothing is kept.
 */
describe('call record lines that do not become calls', () => {
  let w: VoiceWorld;
  beforeAll(async () => {
    w = await voiceWorld({ worker: true });
  });
  afterAll(() => w.close());

  const fileRows = async (name: string) =>
    Number((await w.sut.db.query('SELECT COUNT(*) AS n FROM voice_cdr_files WHERE name = ?', [name]))[0].n);

  it('lists each with its reason, by file and across files', async () => {
    const serviceId = await voiceCatalogService(w, await ratePlan(w));
    const { accountId, accountServiceId } = await accountWith(w, serviceId);
    const did = await addDid(w);
    // Held from 1 March: a call on 28 February was nobody's.
    await assign(w, accountId, accountServiceId, did.id, '2026-03-01T00:00:00Z');
    const run = randomUUID().slice(0, 8);
    const lines = [
      masterLine({ src: did.number, dst: '12125550100', start: '2026-03-02 10:00:00', billsec: 20, uniqueid: `${run}.1` }),
      '"acct","2175550100","12125550100","from-internal","x","ch","ch","Dial","x,2026-03-02 10:00:00',
      masterLine({ src: did.number, dst: '12125550100', start: '2026-03-02 10:05:00', billsec: 20, uniqueid: `${run}.3` }).replace(
        '"DOCUMENTATION",',
        '',
      ),
      masterLine({ src: did.number, dst: '12125550100', start: '2026-02-30 10:00:00', billsec: 20, uniqueid: `${run}.4` }),
      masterLine({ src: freshNumber(), dst: freshNumber(), start: '2026-03-02 11:00:00', billsec: 20, uniqueid: `${run}.5` }),
      masterLine({ src: did.number, dst: '01133142868200', start: '2026-03-02 12:00:00', billsec: 20, uniqueid: `${run}.6` }),
      masterLine({ src: did.number, dst: '12125550100', start: '2026-02-28 23:59:59', billsec: 20, uniqueid: `${run}.7` }),
      '',
      masterLine({ src: did.number, dst: '12125550101', start: '2026-03-03 10:00:00', billsec: 20, uniqueid: `${run}.9` }),
    ];
    const sent = await upload(w, '/api/voice-cdr-files', lines.join('\n'), ASTERISK_UTC, `rejects-${run}.csv`).expect(201);
    const file = await importedFile(w, sent.body.id);
    expect(file).toMatchObject({ status: 'imported', linesRead: 8, callsRecorded: 2, callsDuplicate: 0, linesRejected: 6 });

    const rejects = await call(w, 'get', `/api/voice-cdr-files/${sent.body.id}/rejects?sort=["lineNo","ASC"]`).expect(200);
    expect(rejects.headers['content-range']).toBe('voice-cdr-rejects 0-5/6');
    expect(rejects.body.map((r: { lineNo: number; reason: string }) => `${r.lineNo} ${r.reason}`)).toEqual([
      '2 malformed_csv',
      '3 columns',
      '4 bad_date',
      '5 unmatched',
      '6 no_rate',
      '7 unmatched',
    ]);
    const noRate = rejects.body.find((r: { reason: string }) => r.reason === 'no_rate');
    expect(noRate.message).toMatch(/^no outbound rate for \+33142868200 \(rate plan "Plan /);
    expect(noRate.raw).toBe(lines[5]);
    expect(rejects.body.find((r: { lineNo: number }) => r.lineNo === 2).raw).toBe(lines[1]);

    const unmatched = await call(
      w,
      'get',
      `/api/voice-cdr-rejects?filter=${encodeURIComponent(JSON.stringify({ reason: 'unmatched', fileId: sent.body.id }))}`,
    ).expect(200);
    expect(unmatched.body.map((r: { lineNo: number; fileName: string }) => [r.lineNo, r.fileName])).toEqual([
      [5, `rejects-${run}.csv`],
      [7, `rejects-${run}.csv`],
    ]);

    // Read again once the cause is put right: the number held since February, the rejects come back fewer.
    await w.sut.db.query('UPDATE did_assignments SET assigned_at = ? WHERE did_id = ?', ['2026-02-01 00:00:00', did.id]);
    await call(w, 'post', `/api/voice-cdr-files/${sent.body.id}/rerun`).expect(200);
    await expect(importedFile(w, sent.body.id)).resolves.toMatchObject({
      status: 'imported',
      callsRecorded: 1,
      callsDuplicate: 2,
      linesRejected: 5,
    });
    const left = await call(w, 'get', `/api/voice-cdr-files/${sent.body.id}/rejects?sort=["lineNo","ASC"]`).expect(200);
    expect(left.body.map((r: { lineNo: number }) => r.lineNo)).toEqual([2, 3, 4, 5, 6]);
  });

  it('reads a generic CSV through its mapping, the direction from its column', async () => {
    const serviceId = await voiceCatalogService(w, await ratePlan(w));
    const { accountId, accountServiceId } = await accountWith(w, serviceId);
    const did = await addDid(w);
    await assign(w, accountId, accountServiceId, did.id);
    const other = freshNumber();
    const text = [
      'Call ID,Started,Caller,Called,Seconds,Way',
      `g-${randomUUID()},2026-03-02T10:00:00Z,+${did.number},+${other},125,out`,
      `g-${randomUUID()},2026-03-02T11:00:00-05:00,+${other},+${did.number},30,in`,
      `g-${randomUUID()},2026-03-02T12:00:00Z,+${other},+${did.number},30,out`,
    ].join('\n');
    const mapping = JSON.stringify({
      callId: 'Call ID',
      start: 'Started',
      from: 'Caller',
      to: 'Called',
      durationSeconds: 'Seconds',
      direction: 'Way',
    });
    const sent = await upload(w, '/api/voice-cdr-files', text, { format: 'generic', mapping }, 'switch.csv').expect(201);
    await expect(importedFile(w, sent.body.id)).resolves.toMatchObject({
      status: 'imported',
      linesRead: 3,
      callsRecorded: 2,
      linesRejected: 1,
    });
    const calls = await w.sut.db.query(
      'SELECT direction, started_at, billed_seconds FROM voice_calls WHERE account_id = ? ORDER BY started_at',
      [accountId],
    );
    expect(calls).toEqual([
      { direction: 'outbound', started_at: new Date('2026-03-02T10:00:00Z'), billed_seconds: 180 },
      { direction: 'inbound', started_at: new Date('2026-03-02T16:00:00Z'), billed_seconds: 60 },
    ]);
    // The third says outbound, and its caller is nobody's number.
    await expect(call(w, 'get', `/api/voice-cdr-files/${sent.body.id}/rejects`).expect(200)).resolves.toMatchObject({
      body: [{ lineNo: 4, reason: 'unmatched' }],
    });
  });

  it('refuses at upload a file that cannot be read at all, and keeps nothing', async () => {
    const name = `refused-${randomUUID().slice(0, 8)}.csv`;
    const mapping = JSON.stringify({ start: 'Started', from: 'Caller', to: 'Dialled', durationSeconds: 'Seconds' });
    const missingColumn = await upload(
      w,
      '/api/voice-cdr-files',
      'Started,Caller,Called,Seconds\n2026-03-02T10:00:00Z,1,2,3\n',
      { format: 'generic', mapping },
      name,
    ).expect(400);
    expect(missingColumn.body.details).toEqual([expect.objectContaining({ field: 'mapping', rule: 'columns' })]);
    expect(missingColumn.body.details[0].message).toMatch(/no column "Dialled" \(mapped to to\)/);

    const noMapping = await upload(w, '/api/voice-cdr-files', 'a,b\n1,2\n', { format: 'generic' }, name).expect(400);
    expect(noMapping.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'mapping', rule: 'required' })]));
    const badZone = await upload(w, '/api/voice-cdr-files', 'x', { timeZone: 'Mars/Olympus' }, name).expect(400);
    expect(badZone.body.details).toEqual([expect.objectContaining({ field: 'timeZone', rule: 'timeZone' })]);

    const binary = await upload(
      w,
      '/api/voice-cdr-files',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x0a]),
      ASTERISK_UTC,
      name,
    ).expect(400);
    expect(binary.body.details).toEqual([expect.objectContaining({ field: 'file', rule: 'text' })]);
    const notMaster = await upload(
      w,
      '/api/voice-cdr-files',
      'name,email\nAlice,alice@example.com\nBob,bob@example.com\n',
      ASTERISK_UTC,
      name,
    ).expect(400);
    expect(notMaster.body.details).toEqual([expect.objectContaining({ field: 'file', rule: 'format' })]);
    expect(notMaster.body.message).toMatch(/line 1: 2 columns where this switch's settings give 17/);
    await upload(w, '/api/voice-cdr-files', '\n\n', ASTERISK_UTC, name).expect(400);
    await upload(w, '/api/voice-cdr-files', 'x', { ...ASTERISK_UTC, colour: 'red' }, name).expect(400);

    await expect(fileRows(name)).resolves.toBe(0);
  });
});
