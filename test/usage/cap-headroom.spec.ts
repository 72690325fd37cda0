import { prng } from '../../src/demo/accounts-demo';
import { transactionWithRetry } from '../../src/database/transaction';
import { UsageCapHeadroom } from '../../src/usage/cap-headroom';
import { billableOf } from '../../src/usage/period-usage';
import { UsageAllowanceService } from '../../src/usage/usage-allowance.service';
import { BillingWorld } from '../billing/billing-world';
import { createTestApp, TestApp } from '../support/test-app';

const GB = 1_000_000_000n;
const MB = 1_000_000n;
const gb = (octets: bigint) => `${octets / GB}.${(octets % GB).toString().padStart(9, '0')}`;

/**
 * The accounting ingestion finds accounts reaching a cap that slows them from a headroom row per
 * account, worked out in full once and then lowered by every octet each batch counts. These specs
 * hold it to the full sum: found on the batch that reaches the cap, found once, worked out again
 * only when the row runs out or a change (a correction, a top-off, a policy edit, a new period,
 * another policy) makes it wrong, and never above what the account may really still use.
 * The instance's billing time zone is UTC here; the policies' free hours are 01:00 to 06:00.
 */
describe('the usage cap headroom', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let headroom: UsageCapHeadroom;
  let allowance: UsageAllowanceService;
  let policyId: number;
  let otherPolicyId: number;
  let dataService: number;
  let overageDataService: number;

  const use = (accountId: number, at: string, octets: bigint) =>
    sut.db.query(
      `INSERT INTO usage_hours (account_id, hour_start, upload_octets, download_octets) VALUES (?, ?, 0, ?)
       ON DUPLICATE KEY UPDATE download_octets = download_octets + VALUES(download_octets)`,
      [accountId, at, octets.toString()],
    );
  /** One batch of counted accounting: the hours are written and then the headroom asked, as the ingestion does in one transaction. */
  const batch = async (hours: [accountId: number, at: string, octets: bigint][], unwatched: number[] = []) => {
    for (const [accountId, at, octets] of hours) await use(accountId, at, octets);
    const counted = new Map<number, bigint>();
    for (const [accountId, , octets] of hours) counted.set(accountId, (counted.get(accountId) ?? 0n) + octets);
    const watched = new Set([...counted.keys()].filter((id) => !unwatched.includes(id)));
    return transactionWithRetry(sut.db, (em) => headroom.reachedBy(em, counted, watched));
  };
  const row = async (accountId: number) => {
    const [r] = await sut.db.query(
      'SELECT headroom_octets, policy_id, period_start, worked_out_at FROM usage_cap_headroom WHERE account_id = ?',
      [accountId],
    );
    return r
      ? {
          octets: BigInt(r.headroom_octets),
          policyId: Number(r.policy_id),
          periodStart: (r.period_start as Date).toISOString().slice(0, 10),
          workedOutAt: (r.worked_out_at as Date).toISOString(),
        }
      : null;
  };
  const exactLeft = async (accountId: number) => {
    const s = (await allowance.standings(sut.db.manager, [accountId])).get(accountId);
    return (s?.use?.allowanceOctets as bigint) - billableOf(s!.figures);
  };
  const subscriber = async (serviceId = dataService) => {
    const accountId = await w.account();
    await w.addService(accountId, serviceId, '2027-06-01', { prorate: false });
    return accountId;
  };
  const correct = (accountId: number, billableDownload: bigint) =>
    w
      .put(`/api/accounts/${accountId}/usage-periods/current`, {
        billableUploadGb: '0',
        billableDownloadGb: gb(billableDownload),
        freeUploadGb: '0',
        freeDownloadGb: '0',
        reason: 'meter replaced',
      })
      .expect(200);

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
    headroom = sut.app.get(UsageCapHeadroom);
    allowance = sut.app.get(UsageAllowanceService);
    await w.today('2027-06-10');
    const topOffService = await w.service(500, { kind: 'one_time', name: 'Headroom top off' });
    const overageService = await w.service(500, { kind: 'one_time', name: 'Headroom overage' });
    const slow = { atCap: 'slow', slowDownloadKbps: 1000, slowUploadKbps: 500, freeWindows: [{ startHour: 1, endHour: 6 }] };
    policyId = (
      await w
        .post('/api/usage-policies', {
          name: 'Headroom 1 GB',
          capGb: '1',
          ...slow,
          topOffsAllowed: true,
          topOffGb: '0.2',
          topOffServiceId: topOffService,
        })
        .expect(201)
    ).body.id;
    otherPolicyId = (await w.post('/api/usage-policies', { name: 'Headroom 2 GB', capGb: '2', ...slow }).expect(201)).body.id;
    const overagePolicy = (
      await w
        .post('/api/usage-policies', {
          name: 'Headroom 1 GB, then overage',
          capGb: '1',
          overageServiceId: overageService,
          overageBlockGb: '1',
        })
        .expect(201)
    ).body.id;
    dataService = await w.service(3000, { kind: 'data', name: 'Headroom fiber' });
    await w.put(`/api/services/${dataService}`, { usagePolicyId: policyId }).expect(200);
    overageDataService = await w.service(3000, { kind: 'data', name: 'Headroom fiber, overage' });
    await w.put(`/api/services/${overageDataService}`, { usagePolicyId: overagePolicy }).expect(200);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await sut.close();
  });

  it('works the row out once, takes each batch off it, and reports the account once when it reaches the cap', async () => {
    const accountId = await subscriber();
    const sums = jest.spyOn(allowance, 'standings');

    expect(await batch([[accountId, '2027-06-02 12:00:00', 600n * MB]])).toEqual([]);
    expect(await row(accountId)).toMatchObject({ octets: 400n * MB, policyId, periodStart: '2027-06-01' });
    expect(sums).toHaveBeenCalledTimes(1);

    // 300 MB more: taken off the row, the period is not summed again.
    expect(await batch([[accountId, '2027-06-03 12:00:00', 300n * MB]])).toEqual([]);
    expect((await row(accountId))?.octets).toBe(100n * MB);
    expect(sums).toHaveBeenCalledTimes(1);

    // 150 MB in a free hour would take the row below zero, so the period is summed: free usage
    // does not count, 100 MB is left, and nobody is reported.
    expect(await batch([[accountId, '2027-06-04 03:00:00', 150n * MB]])).toEqual([]);
    expect(sums).toHaveBeenCalledTimes(2);
    expect((await row(accountId))?.octets).toBe(100n * MB);
    expect(await exactLeft(accountId)).toBe(100n * MB);

    // Exactly the last 100 MB: at the cap (billable has reached the allowance), reported.
    expect(await batch([[accountId, '2027-06-05 12:00:00', 100n * MB]])).toEqual([accountId]);
    expect((await row(accountId))?.octets).toBe(0n);

    // Past it: reported already, not again, and not summed again.
    const calls = sums.mock.calls.length;
    expect(await batch([[accountId, '2027-06-05 13:00:00', 10n * MB]])).toEqual([]);
    expect(sums.mock.calls.length).toBe(calls);
    expect((await row(accountId))?.octets).toBe(-10n * MB);
    sums.mockRestore();
  });

  it('forgets the row on a correction, a top-off or an edit of the policy, and the next batch works it out from the change', async () => {
    const accountId = await subscriber();
    expect(await batch([[accountId, '2027-06-02 12:00:00', 950n * MB]])).toEqual([]);
    expect((await row(accountId))?.octets).toBe(50n * MB);

    // A clerk corrects the period up to 990 MB: the row goes, and 20 MB more is what reaches the cap.
    await correct(accountId, 990n * MB);
    expect(await row(accountId)).toBeNull();
    expect(await batch([[accountId, '2027-06-06 12:00:00', 20n * MB]])).toEqual([accountId]);

    // A top-off of 200 MB: the row goes; 100 MB more leaves 90 MB, and 90 MB more reaches it again.
    await w.post(`/api/accounts/${accountId}/usage-top-offs`, {}).expect(201);
    expect(await row(accountId)).toBeNull();
    expect(await batch([[accountId, '2027-06-06 13:00:00', 100n * MB]])).toEqual([]);
    expect((await row(accountId))?.octets).toBe(90n * MB);
    expect(await batch([[accountId, '2027-06-06 14:00:00', 90n * MB]])).toEqual([accountId]);

    // The policy's cap goes to 3 GB: every row on it goes, and this account has room again.
    const other = await subscriber();
    expect(await batch([[other, '2027-06-02 12:00:00', 100n * MB]])).toEqual([]);
    await w.patch(`/api/usage-policies/${policyId}`, { capGb: '3' }).expect(200);
    expect(await row(accountId)).toBeNull();
    expect(await row(other)).toBeNull();
    expect(await batch([[accountId, '2027-06-07 12:00:00', 10n * MB]])).toEqual([]);
    expect((await row(accountId))?.octets).toBe(await exactLeft(accountId));
    await w.patch(`/api/usage-policies/${policyId}`, { capGb: '1' }).expect(200);
  });

  it('works the row out again in a new period or under another policy, and drops it when the account is not watched', async () => {
    const accountId = await subscriber();
    expect(await batch([[accountId, '2027-06-08 12:00:00', 700n * MB]])).toEqual([]);
    expect((await row(accountId))?.octets).toBe(300n * MB);

    // July: a new period with nothing used yet.
    await w.today('2027-07-02');
    expect(await batch([[accountId, '2027-07-01 12:00:00', 50n * MB]])).toEqual([]);
    expect(await row(accountId)).toMatchObject({ periodStart: '2027-07-01', octets: 950n * MB });

    // The data service moves to the 2 GB policy: the row was the other policy's.
    await w.put(`/api/services/${dataService}`, { usagePolicyId: otherPolicyId }).expect(200);
    expect(await batch([[accountId, '2027-07-01 13:00:00', 50n * MB]])).toEqual([]);
    expect(await row(accountId)).toMatchObject({ policyId: otherPolicyId, octets: 1900n * MB });
    await w.put(`/api/services/${dataService}`, { usagePolicyId: policyId }).expect(200);

    // Limited already (say, for delinquency): nothing is taken off, so the row goes rather than lie later.
    expect(await batch([[accountId, '2027-07-01 14:00:00', 5n * GB]], [accountId])).toEqual([]);
    expect(await row(accountId)).toBeNull();

    // A policy that charges overage instead: never reported, no row kept.
    const overage = await subscriber(overageDataService);
    expect(await batch([[overage, '2027-07-01 12:00:00', 5n * GB]])).toEqual([]);
    expect(await row(overage)).toBeNull();
    await w.today('2027-06-10');
  });

  it('agrees with the full sum over a random run of batches, corrections and top-offs', async () => {
    const random = prng(20261204);
    const accounts = await Promise.all(Array.from({ length: 6 }, () => subscriber()));
    const reported = new Set<number>();
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    let found = 0;
    for (let step = 0; step < 120; step++) {
      const roll = random();
      if (roll < 0.08) {
        const accountId = pick(accounts);
        const current = (await allowance.standings(sut.db.manager, [accountId])).get(accountId)!;
        const target = BigInt(Math.floor(random() * 1_300)) * MB;
        if (target === current.figures.billableDownload && current.figures.billableUpload === 0n && !current.figures.freeDownload) continue;
        await correct(accountId, target);
        reported.delete(accountId);
        continue;
      }
      if (roll < 0.12) {
        const accountId = pick(accounts);
        await w.post(`/api/accounts/${accountId}/usage-top-offs`, {}).expect(201);
        reported.delete(accountId);
        continue;
      }
      const hours: [number, string, bigint][] = accounts
        .filter(() => random() < 0.5)
        .map((accountId) => {
          const hour = Math.floor(random() * 24);
          const day = 1 + Math.floor(random() * 9);
          return [accountId, `2027-06-0${day} ${String(hour).padStart(2, '0')}:00:00`, BigInt(1 + Math.floor(random() * 120)) * MB];
        });
      if (!hours.length) continue;
      const reached = await batch(hours);
      const standings = await allowance.standings(
        sut.db.manager,
        hours.map(([id]) => id),
      );
      const expected = [...new Set(hours.map(([id]) => id))].filter((id) => standings.get(id)!.atCap && !reported.has(id));
      expect({ step, reached: [...reached].sort() }).toEqual({ step, reached: expected.sort() });
      for (const id of reached) reported.add(id);
      found += reached.length;
      // No row ever says the account may use more than it really may.
      const overstated: number[] = [];
      for (const id of accounts) {
        const r = await row(id);
        if (r && r.octets > (await exactLeft(id))) overstated.push(id);
      }
      expect({ step, overstated }).toEqual({ step, overstated: [] });
    }
    // The run is long enough to reach caps, and more than once after corrections and top-offs.
    expect(found).toBeGreaterThan(accounts.length);
  });
});
