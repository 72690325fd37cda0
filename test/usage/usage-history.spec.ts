import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import { RadiusLab, startRadiusLab } from '../support/radius-lab';
import type { TestApp } from '../support/test-app';
import { AccountingIngestionService } from '../../src/usage/accounting-ingestion.service';
import { Clock } from '../../src/common/clock';
import { usagePeriodAt } from '../../src/usage/usage-period';

/**
 * The account's usage per billing period and hour by hour, as the Data Usage tab reads it: from
 * accounting sent to a real FreeRADIUS, one session in the current period and one in the period
 * before, and nothing double-counted across the period's edge.
 */
describe('usage history', () => {
  let lab: RadiusLab;
  let sut: TestApp;
  let token: string;
  let accountId: number;
  const get = (path: string, expect = 200) => sut.http().get(path).auth(token, { type: 'bearer' }).expect(expect);

  beforeAll(async () => {
    lab = await startRadiusLab();
    sut = await createIsolatedTestApp({ ...lab.config });
    token = (await sut.admin()).token;
    accountId = await insertAccount(sut.db);
    await sut
      .http()
      .post(`/api/accounts/${accountId}/radius-accounts`)
      .auth(token, { type: 'bearer' })
      .send({ username: 'uma', password: 'uma-pass-123' })
      .expect(201);
    await sut.app.get(AccountingIngestionService).ingestBatch({ settleSeconds: 0 });
  }, 120_000);

  afterAll(async () => {
    await sut?.close();
    await lab?.close();
  });

  it('sums each billing period and lists the hours of a range', async () => {
    const now = sut.app.get(Clock).now();
    const [{ anchor_day: anchorDay }] = await sut.db.query('SELECT anchor_day FROM effective_billing_settings WHERE account_id = ?', [
      accountId,
    ]);
    const current = usagePeriodAt(Number(anchorDay), now);
    // One session an hour into the current period; one that ends an hour before it began.
    const inCurrent = current.start.getTime() / 1000 + 3600;
    const inPrevious = current.start.getTime() / 1000 - 3600;
    const session = (id: string, at: number, upload: number, download: number): Record<string, string | number>[] => [
      {
        'User-Name': 'uma',
        'Acct-Status-Type': 'Start',
        'Acct-Session-Id': id,
        'NAS-IP-Address': '127.0.0.1',
        'NAS-Port': 3,
        'Event-Timestamp': at - 600,
      },
      {
        'User-Name': 'uma',
        'Acct-Status-Type': 'Stop',
        'Acct-Session-Id': id,
        'NAS-IP-Address': '127.0.0.1',
        'NAS-Port': 3,
        'Event-Timestamp': at,
        'Acct-Input-Octets': upload,
        'Acct-Output-Octets': download,
        'Acct-Session-Time': 600,
      },
    ];
    await lab.account([...session('h1', inPrevious, 1_000, 9_000), ...session('h2', inCurrent, 2_000, 30_000)]);
    await sut.app.get(AccountingIngestionService).ingestBatch({ settleSeconds: 0 });

    const periods = (await get(`/api/accounts/${accountId}/usage-periods?periods=3`)).body;
    expect(periods.map((p: { start: string }) => p.start)).toEqual([
      current.start.toISOString(),
      usagePeriodAt(Number(anchorDay), new Date(current.start.getTime() - 1)).start.toISOString(),
      expect.any(String),
    ]);
    expect(periods[0]).toMatchObject({
      current: true,
      end: current.end.toISOString(),
      usage: { upload: '2000', download: '30000', total: '32000' },
    });
    expect(periods[1]).toMatchObject({ current: false, usage: { upload: '1000', download: '9000', total: '10000' } });
    expect(periods[2].usage).toEqual({ upload: '0', download: '0', total: '0' });

    const from = new Date((inPrevious - 7200) * 1000).toISOString();
    const to = new Date((inCurrent + 3600) * 1000).toISOString();
    const hours = (await get(`/api/accounts/${accountId}/usage-hours?from=${from}&to=${to}`)).body;
    expect(hours).toEqual([
      { hour: new Date(Math.floor(inPrevious / 3600) * 3600 * 1000).toISOString(), upload: '1000', download: '9000' },
      { hour: new Date(Math.floor(inCurrent / 3600) * 3600 * 1000).toISOString(), upload: '2000', download: '30000' },
    ]);
  });

  it('refuses a range backwards, too long or malformed with a 400 naming the field, and an unknown account with a 404', async () => {
    const backwards = await get(`/api/accounts/${accountId}/usage-hours?from=2027-01-02T00:00:00Z&to=2027-01-01T00:00:00Z`, 400);
    expect(backwards.body.details).toEqual([expect.objectContaining({ field: 'to', rule: 'afterFrom' })]);
    const long = await get(`/api/accounts/${accountId}/usage-hours?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z`, 400);
    expect(long.body.details).toEqual([expect.objectContaining({ field: 'to', rule: 'range' })]);
    const malformed = await get(`/api/accounts/${accountId}/usage-hours?from=yesterday&to=2027-01-01T00:00:00Z`, 400);
    expect(malformed.body.details).toEqual([expect.objectContaining({ field: 'from' })]);
    const tooMany = await get(`/api/accounts/${accountId}/usage-periods?periods=99`, 400);
    expect(tooMany.body.details).toEqual([expect.objectContaining({ field: 'periods' })]);
    await get('/api/accounts/999999/usage-periods', 404);
    await get('/api/accounts/999999/usage-hours?from=2027-01-01T00:00:00Z&to=2027-01-02T00:00:00Z', 404);
  });

  it('needs network.read', async () => {
    const clerk = await sut.userWith([]);
    await sut.http().get(`/api/accounts/${accountId}/usage-periods`).auth(clerk.token, { type: 'bearer' }).expect(403);
    await sut.http().get(`/api/accounts/${accountId}/usage-periods`).expect(401);
  });
});
