import { createIsolatedTestApp } from '../support/isolated-database';
import { insertAccount } from '../contacts/account-fixture';
import { RadiusLab, startRadiusLab } from '../support/radius-lab';
import type { TestApp } from '../support/test-app';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { AccountingIngestionService } from '../../src/usage/accounting-ingestion.service';
import { ensureAccountingIngestion } from '../../src/usage/accounting-ingestion-start';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.tokens';
import { accountingIngestionStatusQuery } from '../../workflows/shared';
import { waitUntil } from '../support/processes';
import { startTestWorker } from '../support/test-worker';

const G = 2n ** 32n;
/** 2026-12-04 10:00:00 UTC: the hours below are 10:00, 11:00, 12:00 and 13:00 of that day. */
const T0 = Date.UTC(2026, 11, 4, 10, 0, 0) / 1000;
const at = (minutes: number) => T0 + minutes * 60;
const hour = (h: number) => new Date(Date.UTC(2026, 11, 4, h, 0, 0)).toISOString();

/**
 * RADIUS accounting sent with radclient to a real FreeRADIUS lands in `radacct`, and from there in
 * the product's usage to the octet, through the hard cases: counters past 32 bits, a duplicate, an
 * interim update that arrives late, a Stop without a Start, a session restarted under its id, and
 * a NAS that says it rebooted. Every figure below is worked out by hand from the packets.
 */
describe('RADIUS accounting into usage', () => {
  let lab: RadiusLab;
  let sut: TestApp;
  let accountId: number;
  const ingestAll = async () => {
    const ingestion = sut.app.get(AccountingIngestionService);
    while ((await ingestion.ingestBatch({ settleSeconds: 0 })).events > 0);
  };
  const hours = async () =>
    (
      await sut.db.query('SELECT hour_start, upload_octets, download_octets FROM usage_hours WHERE account_id = ? ORDER BY hour_start', [
        accountId,
      ])
    ).map((r: { hour_start: Date; upload_octets: unknown; download_octets: unknown }) => ({
      hour: r.hour_start.toISOString(),
      upload: BigInt(r.upload_octets as string),
      download: BigInt(r.download_octets as string),
    }));
  const packet = (type: string, sessionId: string, minutes: number, extra: Record<string, string | number> = {}) =>
    lab.account({
      'User-Name': 'sam',
      'Acct-Status-Type': type,
      'Acct-Session-Id': sessionId,
      'NAS-IP-Address': '127.0.0.1',
      'NAS-Port': 7,
      'Event-Timestamp': at(minutes),
      ...extra,
    });
  const counters = (upload: bigint, download: bigint, sessionTime?: number) => ({
    'Acct-Input-Octets': Number(upload % G),
    'Acct-Input-Gigawords': Number(upload / G),
    'Acct-Output-Octets': Number(download % G),
    'Acct-Output-Gigawords': Number(download / G),
    ...(sessionTime !== undefined && { 'Acct-Session-Time': sessionTime }),
  });

  beforeAll(async () => {
    lab = await startRadiusLab();
    sut = await createIsolatedTestApp({ ...lab.config });
    accountId = await insertAccount(sut.db);
    const token = (await sut.admin()).token;
    await sut
      .http()
      .post(`/api/accounts/${accountId}/radius-accounts`)
      .auth(token, { type: 'bearer' })
      .send({ username: 'sam', password: 'sam-pass-123' })
      .expect(201);
    // The triggers go in before the first packet, as a worker starting up would put them.
    await sut.app.get(AccountingIngestionService).ingestBatch({ settleSeconds: 0 });

    // s1: a gigaword wrap, a duplicate, a late interim update, then Stop.
    await packet('Start', 's1', 0);
    await packet('Interim-Update', 's1', 10, counters(1_000_000n, 5_000_000n, 600));
    await packet('Interim-Update', 's1', 70, counters(G + 500n, 3n * G + 7_000n, 4200));
    await packet('Interim-Update', 's1', 70, counters(G + 500n, 3n * G + 7_000n, 4200));
    await packet('Interim-Update', 's1', 40, counters(2_000_000n, 9_000_000n, 2400));
    await packet('Stop', 's1', 80, counters(G + 10_500n, 3n * G + 17_000n, 4800));
    // s2: a Stop whose Start never arrived.
    await packet('Stop', 's2', 130, counters(3_000n, 4_000n, 600));
    // s3: restarted under the same session id while open; the second run starts from zero.
    await packet('Start', 's3', 140);
    await packet('Interim-Update', 's3', 150, counters(100n, 200n, 600));
    await packet('Start', 's3', 160);
    await packet('Interim-Update', 's3', 170, counters(50n, 60n, 600));
    await packet('Stop', 's3', 175, counters(70n, 80n, 900));
    // s4: open when the NAS announces it rebooted.
    await packet('Start', 's4', 180);
    await packet('Interim-Update', 's4', 185, counters(1_000n, 1_000n, 300));
    await lab.account({ 'Acct-Status-Type': 'Accounting-Off', 'NAS-IP-Address': '127.0.0.1', 'Event-Timestamp': at(190) });
    // A login Backhaul does not know.
    await lab.account({
      'User-Name': 'ghost',
      'Acct-Status-Type': 'Stop',
      'Acct-Session-Id': 'g1',
      'NAS-IP-Address': '127.0.0.1',
      'NAS-Port': 9,
      'Event-Timestamp': at(100),
      ...counters(123n, 456n, 60),
    });
  }, 120_000);

  afterAll(async () => {
    await sut?.close();
    await lab?.close();
  });

  const expectedHours = [
    { hour: hour(10), upload: 1_000_000n, download: 5_000_000n },
    // s1's Stop adds 10,000 in each direction over its last interim update.
    { hour: hour(11), upload: G + 500n - 1_000_000n + 10_000n, download: 3n * G + 7_000n - 5_000_000n + 10_000n },
    // s2 3,000/4,000; s3's first run 100/200 and its second 70/80.
    { hour: hour(12), upload: 3_000n + 100n + 70n, download: 4_000n + 200n + 80n },
    { hour: hour(13), upload: 1_000n, download: 1_000n },
  ];

  it('lands in radacct as FreeRADIUS keeps it', async () => {
    const rows = await lab.rows(
      "SELECT acctsessionid, acctinputoctets, acctoutputoctets, acctstoptime IS NOT NULL AS stopped FROM radacct WHERE username = 'sam' ORDER BY radacctid",
    );
    expect(rows.map((r) => [r.acctsessionid, BigInt(r.acctinputoctets as number), Number(r.stopped)])).toEqual([
      ['s1', G + 10_500n, 1],
      ['s2', 3_000n, 1],
      ['s3', 70n, 1],
      ['s4', 1_000n, 1],
    ]);
  });

  it('counts every octet once, in the hour it was reported', async () => {
    await ingestAll();
    expect(await hours()).toEqual(expectedHours);
    const sessions = await sut.db.query(
      `SELECT session_id, account_id, started_at, stopped_at, stop_cause, upload_octets, download_octets
         FROM usage_sessions WHERE username = 'sam' ORDER BY started_at`,
    );
    expect(
      sessions.map((s: Record<string, unknown>) => [
        s.session_id,
        Number(s.account_id),
        (s.started_at as Date).getTime() / 1000,
        s.stopped_at ? (s.stopped_at as Date).getTime() / 1000 : null,
        s.stop_cause,
        BigInt(s.upload_octets as string),
        BigInt(s.download_octets as string),
      ]),
    ).toEqual([
      ['s1', accountId, at(0), at(80), null, G + 10_500n, 3n * G + 17_000n],
      ['s2', accountId, at(120), at(130), null, 3_000n, 4_000n],
      ['s3', accountId, at(140), null, null, 100n, 200n],
      ['s3', accountId, at(160), at(175), null, 70n, 80n],
      ['s4', accountId, at(180), at(190), 'NAS-Reboot', 1_000n, 1_000n],
    ]);
    const [ghost] = await sut.db.query("SELECT account_id, upload_octets FROM usage_sessions WHERE username = 'ghost'");
    expect(ghost).toMatchObject({ account_id: null });
    expect(BigInt(ghost.upload_octets)).toBe(123n);
  });

  it('counts nothing twice when the whole log is read again from the start', async () => {
    await sut.db.query('UPDATE usage_ingestion SET last_event_id = 0 WHERE id = 1');
    await ingestAll();
    expect(await hours()).toEqual(expectedHours);
  });

  it('runs in Temporal as one long-lived process per deployment, reading what arrives', async () => {
    const { stop } = await startTestWorker(sut);
    try {
      const client = sut.app.get<Client>(TEMPORAL_CLIENT);
      const { workflowId } = await ensureAccountingIngestion(client, sut.config, { everySeconds: 1 });
      // Started again (a second worker coming up): the same run, not a second one.
      expect((await ensureAccountingIngestion(client, sut.config, { everySeconds: 1 })).workflowId).toBe(workflowId);
      await packet('Start', 's5', 200);
      await packet('Stop', 's5', 205, counters(2_500n, 7_500n, 300));
      const [{ last }] = await lab.rows('SELECT MAX(id) AS last FROM backhaul_accounting_events');
      const handle = client.workflow.getHandle(workflowId);
      await waitUntil(
        'the ingestion run to have counted s5',
        async () => (await handle.query(accountingIngestionStatusQuery)).lastEventId === Number(last),
        30_000,
      );
      expect((await hours()).at(-1)).toEqual({ hour: hour(13), upload: 1_000n + 2_500n, download: 1_000n + 7_500n });
      // The run's history, for test/workflows/histories when the workflow changes.
      writeFileSync(
        join(process.cwd(), 'test-results', 'accounting-ingestion-history.json'),
        JSON.stringify(JSON.parse(historyToJSON(await handle.fetchHistory())), null, 2),
      );
      await handle.terminate('the test is over');
    } finally {
      await stop();
    }
  });
});
