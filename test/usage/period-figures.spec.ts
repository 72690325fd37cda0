import { insertAccount } from '../contacts/account-fixture';
import { createTestApp, TestApp } from '../support/test-app';
import { periodFigures } from '../../src/usage/period-usage';
import { freeHourMask } from '../../src/usage/usage-policy';

const GB = 1_000_000_000n;

/**
 * Free hours are hours of the instance's zone, through a daylight-saving change: the SQL that
 * splits billable from free is checked against hours worked out by hand for New York, where
 * 01:00 local is 06:00 UTC before 8 March 2026 and 05:00 UTC after it.
 */
describe('a period’s figures split by free hours of a zone with daylight saving', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await createTestApp();
  });
  afterAll(() => sut.close());

  it('counts an hour free when it starts inside the window in local time, and adds the corrections', async () => {
    const account = await insertAccount(sut.db);
    const other = await insertAccount(sut.db);
    const hours: [number, string, bigint][] = [
      [account, '2026-03-02 05:00:00', 1n], // 00:00 EST: billable
      [account, '2026-03-02 06:00:00', 10n], // 01:00 EST: free
      [account, '2026-03-20 05:00:00', 20n], // 01:00 EDT: free
      [account, '2026-03-20 09:00:00', 4n], // 05:00 EDT: free
      [account, '2026-03-20 10:00:00', 2n], // 06:00 EDT: billable
      [account, '2026-04-01 06:00:00', 50n], // the next period
      [other, '2026-03-02 06:00:00', 7n], // no free hours for this account
    ];
    for (const [id, at, down] of hours) {
      await sut.db.query('INSERT INTO usage_hours (account_id, hour_start, upload_octets, download_octets) VALUES (?, ?, 0, ?)', [
        id,
        at,
        (down * GB).toString(),
      ]);
    }
    await sut.db.query(
      `INSERT INTO usage_adjustments (account_id, period_start, billable_download_octets, free_upload_octets, reason)
       VALUES (?, '2026-03-01 00:00:00', ?, ?, 'test')`,
      [account, (-1n * GB).toString(), (3n * GB).toString()],
    );
    const period = { start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') };
    const figures = await periodFigures(
      sut.db.manager,
      [account, other],
      [period],
      new Map([[account, freeHourMask([{ startHour: 1, endHour: 6 }])]]),
      'America/New_York',
    );
    expect(figures.get(`${account}:${period.start.getTime()}`)).toEqual({
      billableUpload: 0n,
      billableDownload: 2n * GB, // 1 + 2, less the 1 GB correction
      freeUpload: 3n * GB, // the correction
      freeDownload: 34n * GB, // 10 + 20 + 4
      topOffOctets: 0n,
    });
    expect(figures.get(`${other}:${period.start.getTime()}`)).toMatchObject({ billableDownload: 7n * GB, freeDownload: 0n });
  });
});
