import type { Client } from '@temporalio/client';
import { BillingWorld } from '../billing/billing-world';
import { isolatedTemporalApp } from '../bill-runs/isolated-temporal-app';
import type { TestApp } from '../support/test-app';

const GB = 1_000_000_000n;

/**
 * Usage-based billing through real bill runs, month after month, with every figure worked out
 * by hand below. Policy: 100 GB cap, overage in started blocks of 10 GB at 10.00 (+10% tax),
 * 01:00–06:00 free (the instance's zone is UTC here), top-offs of 20 GB at 15.00, unused cap
 * rolling over for 2 months. The data service itself is 50.00 a month in advance (+10%).
 *
 * | period  | billable | free | cap | rollover there (drawn)  | top-off | over | blocks | overage + tax | earned (expires)  |
 * |---------|----------|------|-----|-------------------------|---------|------|--------|---------------|-------------------|
 * | January | 65       | 30   | 100 | 0                       | 0       | 0    | 0      | 0             | 35 (1 April)      |
 * | February| 120      | 10   | 100 | 35 (20 drawn)           | 0       | 0    | 0      | 0             | 0                 |
 * | March   | 150      | 40   | 100 | 15 (15 drawn)           | 20      | 15   | 2      | 20.00 + 2.00  | 0                 |
 * | April   | 40 → 45  | 0    | 100 | 0 (January's lapsed)    | 0       | 0    | 0      | 0             | 55 (1 July)       |
 * | May     | 170      | 0    | 100 | 55 (55 drawn)           | 0       | 15   | 2      | 20.00 + 2.00  | 0                 |
 *
 * April's 40 GB is corrected by hand to 45 GB of download while it is the current period.
 * Bill run workflow ids name only the date and the suite shares Temporal with others, so its
 * dates are in a year no other suite bills.
 * Invoices: 1 Feb, 1 Mar and 1 May carry the service (55.00); 1 Apr adds March's overage
 * (22.00) and the top-off bought on 20 March (15.00 + 1.50); 1 Jun adds May's overage.
 */
describe('usage-based billing', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let client: Client;
  let close: () => Promise<void>;
  let accountId: number;
  let slowAccountId: number;
  let overageService: number;

  const hour = async (account: number, at: string, uploadGb: bigint, downloadGb: bigint) =>
    sut.db.query('INSERT INTO usage_hours (account_id, hour_start, upload_octets, download_octets) VALUES (?, ?, ?, ?)', [
      account,
      at,
      (uploadGb * GB).toString(),
      (downloadGb * GB).toString(),
    ]);

  const billRun = async (date: string) => {
    await w.today(date);
    const started = await w.post('/api/bill-runs', { date }).expect(202);
    return client.workflow.getHandle(started.body.workflowId).result();
  };

  const invoiceOn = async (account: number, date: string) => {
    const [row] = await sut.db.query('SELECT id FROM invoices WHERE account_id = ? AND generated_for = ?', [account, date]);
    return w.invoice(Number(row.id));
  };

  const settlement = async (account: number, periodStart: string) => {
    const [row] = await sut.db.query(
      `SELECT billable_octets, free_octets, cap_octets, top_off_octets, rollover_used_octets, rollover_earned_octets,
              DATE_FORMAT(rollover_expires_at, '%Y-%m-%d') AS expires, overage_octets, overage_blocks, overage_transaction_id
         FROM usage_settlements WHERE account_id = ? AND period_start = ?`,
      [account, `${periodStart} 00:00:00`],
    );
    // Octet columns as exact decimal strings, whatever form the driver hands BIGINTs in.
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k.endsWith('_octets') ? String(v) : v]));
  };

  beforeAll(async () => {
    ({ sut, client, close } = await isolatedTemporalApp());
    w = await new BillingWorld(sut).init();
    await w.today('2023-01-01');
    const tax = await w.tax(100000); // 10 %
    overageService = await w.service(1000, { kind: 'one_time', taxIds: [tax], name: 'Data overage' });
    const topOffService = await w.service(1500, { kind: 'one_time', taxIds: [tax], name: 'Data top off' });
    const policy = await w
      .post('/api/usage-policies', {
        name: 'Home 100 GB',
        capGb: '100',
        atCap: 'overage',
        overageServiceId: overageService,
        overageBlockGb: '10',
        topOffsAllowed: true,
        topOffGb: '20',
        topOffServiceId: topOffService,
        rollover: true,
        rolloverExpiryMonths: 2,
        freeWindows: [{ startHour: 1, endHour: 6 }],
      })
      .expect(201);
    const slowPolicy = await w
      .post('/api/usage-policies', {
        name: 'Home 50 GB, then slow',
        capGb: '50',
        atCap: 'slow',
        slowDownloadKbps: 1000,
        slowUploadKbps: 500,
      })
      .expect(201);
    const data = await w.service(5000, { kind: 'data', taxIds: [tax], name: 'Fiber 100' });
    await w.put(`/api/services/${data}`, { usagePolicyId: policy.body.id }).expect(200);
    const slowData = await w.service(4000, { kind: 'data', taxIds: [tax], name: 'Fiber 50' });
    await w.put(`/api/services/${slowData}`, { usagePolicyId: slowPolicy.body.id }).expect(200);
    accountId = await w.account();
    slowAccountId = await w.account();
    await w.addService(accountId, data, '2023-01-01', { prorate: false });
    await w.addService(slowAccountId, slowData, '2023-01-01', { prorate: false });
    await billRun('2023-01-01');
  }, 180_000);

  afterAll(async () => {
    await close?.();
  });

  it('settles January: free hours apart, unused cap rolls over', async () => {
    await hour(accountId, '2023-01-10 03:00:00', 0n, 30n); // inside 01:00–06:00: free
    await hour(accountId, '2023-01-10 12:00:00', 5n, 60n);
    await hour(accountId, '2023-01-31 23:00:00', 0n, 0n);
    await hour(accountId, '2023-02-01 00:00:00', 0n, 10n); // the next period's first hour (billable: 00:00 is not free)
    await hour(slowAccountId, '2023-01-20 12:00:00', 0n, 80n);
    await billRun('2023-02-01');

    expect(await settlement(accountId, '2023-01-01')).toMatchObject({
      billable_octets: String(65n * GB),
      free_octets: String(30n * GB),
      cap_octets: String(100n * GB),
      rollover_used_octets: '0',
      rollover_earned_octets: String(35n * GB),
      expires: '2023-04-01',
      overage_octets: '0',
      overage_blocks: 0,
      overage_transaction_id: null,
    });
    expect((await invoiceOn(accountId, '2023-02-01')).total).toBe(5500);
    // Slowing at the cap charges nothing: 30 GB over is settled and left uncharged.
    expect(await settlement(slowAccountId, '2023-01-01')).toMatchObject({
      billable_octets: String(80n * GB),
      overage_octets: String(30n * GB),
      overage_blocks: 0,
      overage_transaction_id: null,
    });
    expect((await invoiceOn(slowAccountId, '2023-02-01')).total).toBe(4400);
  });

  it('settles February from rollover without overage', async () => {
    await hour(accountId, '2023-02-14 20:00:00', 0n, 110n); // with 1 February's 10 GB: 120 billable
    await hour(accountId, '2023-02-15 05:00:00', 0n, 10n);
    await billRun('2023-03-01');
    expect(await settlement(accountId, '2023-02-01')).toMatchObject({
      billable_octets: String(120n * GB),
      free_octets: String(10n * GB),
      rollover_used_octets: String(20n * GB),
      rollover_earned_octets: '0',
      overage_octets: '0',
    });
    expect((await invoiceOn(accountId, '2023-03-01')).total).toBe(5500);
  });

  it('charges a top-off at once and March’s overage after rollover and top-off, in started blocks', async () => {
    await w.today('2023-03-20');
    const before = (await w.get(`/api/accounts/${accountId}/data-usage`).expect(200)).body;
    expect(before.current).toMatchObject({
      capOctets: String(100n * GB),
      rolloverOctets: String(15n * GB),
      allowanceOctets: String(115n * GB),
    });
    expect(before.topOff).toMatchObject({ allowed: true, octets: String(20n * GB), price: 1500 });
    const topOff = (await w.post(`/api/accounts/${accountId}/usage-top-offs`).expect(201)).body;
    expect(topOff).toMatchObject({ octets: String(20n * GB), amount: 1500 });
    const after = (await w.get(`/api/accounts/${accountId}/data-usage`).expect(200)).body;
    expect(after.current).toMatchObject({ topOffOctets: String(20n * GB), allowanceOctets: String(135n * GB) });
    const charged = (await w.transactions(accountId)).find((t) => t.id === topOff.transactionId);
    expect(charged).toMatchObject({ kind: 'debit', amount: 1500, taxAmount: 150, invoiceId: null });

    await hour(accountId, '2023-03-05 18:00:00', 50n, 100n);
    await hour(accountId, '2023-03-06 02:00:00', 0n, 40n);
    const run = await billRun('2023-04-01');
    expect(run).toMatchObject({ failures: 0, parked: 0 });
    const settled = await settlement(accountId, '2023-03-01');
    expect(settled).toMatchObject({
      billable_octets: String(150n * GB),
      free_octets: String(40n * GB),
      top_off_octets: String(20n * GB),
      rollover_used_octets: String(15n * GB),
      overage_octets: String(15n * GB),
      overage_blocks: 2,
    });
    const invoice = await invoiceOn(accountId, '2023-04-01');
    expect(invoice).toMatchObject({ total: 5500 + 2200 + 1650, taxTotal: 500 + 200 + 150 });
    const overage = (await w.transactions(accountId)).find((t) => t.id === Number(settled.overage_transaction_id));
    expect(overage).toMatchObject({ amount: 2000, taxAmount: 200, invoiceId: invoice.id });
    expect(overage?.description).toContain('15 GB over the allowance, 2 × 10 GB (2023-03-01 to 2023-03-31)');
  });

  it('charges a closed period once: a bill run started again and an invoice generated again add nothing', async () => {
    const again = await billRun('2023-04-01');
    expect(again).toMatchObject({ failures: 0 });
    await w.generate(accountId, '2023-04-01');
    const [{ n }] = await sut.db.query('SELECT COUNT(*) AS n FROM transactions WHERE account_id = ? AND service_id = ?', [
      accountId,
      overageService,
    ]);
    expect(Number(n)).toBe(1);
    const [{ s }] = await sut.db.query('SELECT COUNT(*) AS s FROM usage_settlements WHERE account_id = ?', [accountId]);
    expect(Number(s)).toBe(3);
    await w.expectBooksBalance([accountId, slowAccountId]);
  });

  it('takes a hand correction of the current period, audited, and settles April with January’s rollover lapsed', async () => {
    await hour(accountId, '2023-04-10 12:00:00', 0n, 40n);
    await w.today('2023-04-20');
    const bad = await w.put(`/api/accounts/${accountId}/usage-periods/current`, {
      billableUploadGb: '0',
      billableDownloadGb: 'lots',
      freeUploadGb: '0',
      freeDownloadGb: '0',
      reason: 'meter fault',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'billableDownloadGb' });
    const edited = await w
      .put(`/api/accounts/${accountId}/usage-periods/current`, {
        billableUploadGb: '0',
        billableDownloadGb: '45',
        freeUploadGb: '0',
        freeDownloadGb: '0',
        reason: 'Meter fault on the CPE, usage read from the router',
      })
      .expect(200);
    expect(edited.body).toMatchObject({ start: '2023-04-01T00:00:00.000Z', billable: { download: String(45n * GB) }, rolloverOctets: '0' });
    const [audit] = await sut.db.query(
      "SELECT before_state, after_state FROM action_history WHERE action = 'usage.period_edit' AND account_id = ? ORDER BY id DESC LIMIT 1",
      [accountId],
    );
    expect(JSON.stringify(audit)).toContain('Meter fault on the CPE');

    await billRun('2023-05-01');
    expect(await settlement(accountId, '2023-04-01')).toMatchObject({
      billable_octets: String(45n * GB),
      rollover_used_octets: '0',
      rollover_earned_octets: String(55n * GB),
      expires: '2023-07-01',
      overage_blocks: 0,
    });
    expect((await invoiceOn(accountId, '2023-05-01')).total).toBe(5500);
  });

  it('settles May from April’s rollover, then charges the rest', async () => {
    await hour(accountId, '2023-05-12 19:00:00', 20n, 150n);
    await billRun('2023-06-01');
    expect(await settlement(accountId, '2023-05-01')).toMatchObject({
      billable_octets: String(170n * GB),
      rollover_used_octets: String(55n * GB),
      overage_octets: String(15n * GB),
      overage_blocks: 2,
    });
    expect((await invoiceOn(accountId, '2023-06-01')).total).toBe(5500 + 2200);

    const periods = (await w.get(`/api/accounts/${accountId}/usage-periods?periods=6`).expect(200)).body;
    const may = periods.find((p: { start: string }) => p.start === '2023-05-01T00:00:00.000Z');
    expect(may).toMatchObject({
      billable: { total: String(170n * GB) },
      capOctets: String(100n * GB),
      rolloverOctets: String(55n * GB),
      overageOctets: String(15n * GB),
      settlement: { billingDate: '2023-06-01', overageBlocks: 2, overageAmount: 2000 },
    });
    await w.expectBooksBalance([accountId, slowAccountId]);
  });

  it('refuses a top-off the policy does not allow, and writes nothing', async () => {
    await w.today('2023-06-10');
    const [{ n: before }] = await sut.db.query('SELECT COUNT(*) AS n FROM transactions WHERE account_id = ?', [slowAccountId]);
    const res = await w.post(`/api/accounts/${slowAccountId}/usage-top-offs`).expect(409);
    expect(res.body.code).toBe('usage_top_off_not_allowed');
    const [{ n: after }] = await sut.db.query('SELECT COUNT(*) AS n FROM transactions WHERE account_id = ?', [slowAccountId]);
    expect(Number(after)).toBe(Number(before));
  });
});
