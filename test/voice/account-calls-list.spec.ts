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

interface CallBody {
  id: number;
  startedAt: string;
  direction: string;
  fromNumber: string;
  toNumber: string;
  didId: number;
  billedSeconds: number;
  durationSeconds: number;
  rateMicro: number;
}

/**
 * An account's calls: filtered by dates (in the billing time zone), direction, number and digits,
 * sorted and paged with the total, the totals of the same filter, and a CSV of exactly its rows.
 */
describe("an account's calls", () => {
  let w: VoiceWorld;
  let accountId: number;
  let home: { id: number; number: string };
  let office: { id: number; number: string };
  const others = Array.from({ length: 4 }, () => freshNumber());

  beforeAll(async () => {
    // Calls by day in Chicago's calendar: a call at 03:00 UTC on 2 March is still 1 March there.
    w = await voiceWorld({ worker: true, config: { BILLING_TIME_ZONE: 'America/Chicago' } });
    const serviceId = await voiceCatalogService(w, await ratePlan(w));
    const holder = await accountWith(w, serviceId);
    accountId = holder.accountId;
    home = await addDid(w);
    office = await addDid(w);
    await assign(w, accountId, holder.accountServiceId, home.id);
    await assign(w, accountId, holder.accountServiceId, office.id);
    const run = randomUUID().slice(0, 8);
    const lines: string[] = [];
    for (let day = 1; day <= 6; day++) {
      for (let k = 0; k < 4; k++) {
        const own = k % 2 === 0 ? home : office;
        const other = others[(day + k) % others.length];
        const start = `2026-03-0${day} 0${k * 2 + 1}:15:00`;
        const outbound = (day + k) % 3 !== 0;
        lines.push(
          masterLine({
            src: outbound ? own.number : other,
            dst: outbound ? other : own.number,
            start,
            billsec: day * 10 + k,
            uniqueid: `${run}.${day}.${k}`,
          }),
        );
      }
    }
    const sent = await upload(w, '/api/voice-cdr-files', lines.join('\n'), ASTERISK_UTC, 'month.csv').expect(201);
    const file = await importedFile(w, sent.body.id);
    if (file.status !== 'imported' || file.callsRecorded !== 24) throw new Error(`the calls were not imported: ${JSON.stringify(file)}`);
  }, 120_000);
  afterAll(() => w?.close());

  const list = async (filter: object, extra = '') => {
    const res = await call(
      w,
      'get',
      `/api/accounts/${accountId}/voice-calls?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`,
    ).expect(200);
    return { calls: res.body as CallBody[], range: res.headers['content-range'] as string };
  };

  it('filters by day in the billing time zone, direction, number and digits, and pages with the total', async () => {
    const all = await list({}, '&range=[0,999]');
    expect(all.calls).toHaveLength(24);
    expect(all.range).toBe('voice-calls 0-23/24');
    // Newest first unless told otherwise.
    expect(all.calls[0].startedAt > all.calls[23].startedAt).toBe(true);

    // 2 March in Chicago runs from 06:00 UTC on the 2nd to 06:00 UTC on the 3rd: the 07:15 UTC call of the
    // 2nd and the 01:15, 03:15 and 05:15 UTC calls of the 3rd.
    const second = await list({ from: '2026-03-02', to: '2026-03-02' }, '&sort=["startedAt","ASC"]');
    expect(second.calls.map((c) => c.startedAt)).toEqual([
      '2026-03-02T07:15:00.000Z',
      '2026-03-03T01:15:00.000Z',
      '2026-03-03T03:15:00.000Z',
      '2026-03-03T05:15:00.000Z',
    ]);

    const inbound = await list({ direction: 'inbound' }, '&range=[0,999]');
    expect(inbound.calls.length).toBe(all.calls.filter((c) => c.direction === 'inbound').length);
    expect(inbound.calls.every((c) => c.direction === 'inbound' && [home.number, office.number].includes(c.toNumber))).toBe(true);

    const byDid = await list({ didId: office.id }, '&range=[0,999]');
    expect(byDid.calls).toHaveLength(12);
    expect(byDid.calls.every((c) => c.didId === office.id)).toBe(true);

    const digits = others[0].slice(-7);
    const searched = await list({ q: digits }, '&range=[0,999]');
    expect(searched.calls.length).toBeGreaterThan(0);
    expect(searched.calls.every((c) => c.fromNumber.includes(digits) || c.toNumber.includes(digits))).toBe(true);
    expect(searched.calls.length).toBe(all.calls.filter((c) => c.fromNumber.includes(digits) || c.toNumber.includes(digits)).length);

    const page = await list({ direction: 'outbound' }, '&sort=["billedSeconds","ASC"]&range=[2,4]');
    const outbound = all.calls.filter((c) => c.direction === 'outbound');
    expect(page.range).toBe(`voice-calls 2-4/${outbound.length}`);
    expect(page.calls.map((c) => c.billedSeconds)).toEqual(
      outbound
        .map((c) => c.billedSeconds)
        .sort((a, b) => a - b)
        .slice(2, 5),
    );

    await call(w, 'get', `/api/accounts/${accountId}/voice-calls?filter=${encodeURIComponent('{"from":"2026-02-30"}')}`).expect(400);
    await call(w, 'get', `/api/accounts/${accountId}/voice-calls?sort=["cost","ASC"]`).expect(400);
    await call(w, 'get', '/api/accounts/999999999/voice-calls').expect(404);
  });

  it('totals the calls the filter matches', async () => {
    const filter = { from: '2026-03-02', to: '2026-03-04', direction: 'outbound' };
    const { calls } = await list(filter, '&range=[0,999]');
    const totals = (
      await call(w, 'get', `/api/accounts/${accountId}/voice-calls/totals?filter=${encodeURIComponent(JSON.stringify(filter))}`).expect(200)
    ).body;
    const billed = calls.reduce((sum, c) => sum + c.billedSeconds, 0);
    const charge = calls.reduce((sum, c) => sum + c.billedSeconds * c.rateMicro, 0);
    expect(totals).toEqual({
      calls: calls.length,
      durationSeconds: calls.reduce((sum, c) => sum + c.durationSeconds, 0),
      billedSeconds: billed,
      billedMinutes: (billed / 60).toFixed(2),
      estimatedChargeBeforeIncluded: Math.round(charge / 600_000),
      inbound: { calls: 0, durationSeconds: 0, billedSeconds: 0 },
      outbound: { calls: calls.length, durationSeconds: calls.reduce((sum, c) => sum + c.durationSeconds, 0), billedSeconds: billed },
    });
  });

  it('exports exactly the rows the filter matches, in the list’s order, whatever the page', async () => {
    const filter = { didId: home.id };
    const { calls } = await list(filter, '&sort=["durationSeconds","DESC"]&range=[0,999]');
    const csv = await call(
      w,
      'get',
      `/api/accounts/${accountId}/voice-calls/export.csv?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=["durationSeconds","DESC"]&range=[0,1]`,
    )
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(null, text));
      })
      .expect(200)
      .expect('Content-Type', 'text/csv; charset=utf-8');
    const rows = (csv.body as string).trim().split('\r\n');
    expect(rows[0]).toBe(
      'id,started_at,direction,from,to,did,duration_seconds,billed_seconds,rate_prefix,rate_per_minute,disposition,file_id,line',
    );
    expect(rows.slice(1).map((r) => Number(r.split(',')[0]))).toEqual(calls.map((c) => c.id));
    expect(rows.slice(1).every((r) => r.split(',')[5] === home.number)).toBe(true);
  });
});
