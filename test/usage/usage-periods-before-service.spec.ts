import { BillingWorld } from '../billing/billing-world';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The Data Usage tab's periods show the cap of the policy the account is on now; a period that was
 * over before the account got its data service had no allowance, so it shows none (its usage, from
 * an earlier service without a policy, still shows).
 */
describe('usage periods before the account had its data service', () => {
  let sut: TestApp;
  let w: BillingWorld;

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
    await w.today('2027-09-10');
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await sut.close();
  });

  it('shows the cap from the period the service was added in, and none before', async () => {
    const policy = (
      await w
        .post('/api/usage-policies', { name: 'Periods 50 GB', capGb: '50', atCap: 'slow', slowDownloadKbps: 1000, slowUploadKbps: 500 })
        .expect(201)
    ).body;
    const data = await w.service(3000, { kind: 'data', name: 'Periods fiber' });
    await w.put(`/api/services/${data}`, { usagePolicyId: policy.id }).expect(200);
    const accountId = await w.account();
    // Periods run from the 1st; the service came on 20 August, in the middle of August's period.
    await w.addService(accountId, data, '2027-08-20', { prorate: false });
    await sut.db.query(
      "INSERT INTO usage_hours (account_id, hour_start, upload_octets, download_octets) VALUES (?, '2027-07-15 12:00:00', 0, 7000)",
      [accountId],
    );

    const periods = (await w.get(`/api/accounts/${accountId}/usage-periods?periods=3`).expect(200)).body;
    expect(
      periods.map((p: { start: string; capOctets: string | null; allowanceOctets: string | null }) => [
        p.start.slice(0, 10),
        p.capOctets,
        p.allowanceOctets,
      ]),
    ).toEqual([
      ['2027-09-01', '50000000000', '50000000000'],
      ['2027-08-01', '50000000000', '50000000000'],
      ['2027-07-01', null, null],
    ]);
    expect(periods[2].usage.total).toBe('7000');
  });
});
