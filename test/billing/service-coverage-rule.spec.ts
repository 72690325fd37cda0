import { InvariantCheckerService } from '../../src/billing/invariant-checker.service';
import { leaveBooksCorrupt } from '../support/books-watch';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';
import { BillingWorld } from './billing-world';

/**
 * The books checker's coverage rule: every day of a service up to what it was
 * billed through is charged exactly once. Each test bills an account correctly,
 * corrupts its rows the way a bug would, and expects the checker to name the
 * account and the rule.
 */
describe('the service coverage rule of the books checker', () => {
  let sut: TestApp;
  let w: BillingWorld;

  beforeAll(async () => {
    // Its own database: the accounts corrupted here must not reach the books check of tests running beside it.
    sut = await createIsolatedTestApp();
    w = await new BillingWorld(sut).init();
  });
  afterAll(() => sut.close());
  afterEach(() => jest.restoreAllMocks());

  const coverageMismatches = async (accountId: number) => {
    const report = await sut.app.get(InvariantCheckerService).check('2099-12-31', [accountId]);
    return report.mismatches.filter((m) => m.check === 'service.coverage');
  };

  /** An account billed in advance on the 1st for April and May 2026, with one 30.00 service. */
  async function billedAccount(): Promise<{ account: number; charges: { id: number; period_start: string }[] }> {
    await w.today('2026-04-01');
    const account = await w.account();
    await w.addService(account, await w.service(3000), '2026-04-01');
    await w.generate(account, '2026-04-01');
    await w.today('2026-05-01');
    await w.generate(account, '2026-05-01');
    const charges: { id: number; period_start: string }[] = await sut.db.query(
      `SELECT id, DATE_FORMAT(period_start, '%Y-%m-%d') AS period_start FROM transactions
        WHERE account_id = ? AND kind = 'debit' ORDER BY period_start`,
      [account],
    );
    expect(charges.map((c) => c.period_start)).toEqual(['2026-04-01', '2026-05-01']);
    return { account, charges };
  }

  it('finds nothing wrong with an account billed one period after another', async () => {
    const { account } = await billedAccount();
    expect(await coverageMismatches(account)).toEqual([]);
    await w.expectBooksBalance([account]);
  });

  it('names the account when a charge of a billed period is missing', async () => {
    const { account, charges } = await billedAccount();
    leaveBooksCorrupt(sut, [account]);
    // The April charge no longer belongs to the service: as if that bill run had skipped it.
    await sut.db.query('UPDATE transactions SET account_service_id = NULL WHERE id = ?', [charges[0].id]);
    const found = await coverageMismatches(account);
    expect(found).toEqual([
      expect.objectContaining({
        check: 'service.coverage',
        accountId: account,
        expected: '2026-04-01 to 2026-04-30 charged 1 time(s)',
        actual: 'charged 0 time(s)',
      }),
    ]);
    expect(found[0].entity).toContain(`account ${account}`);
  });

  it('names the account when a charge covers fewer days than the period it billed', async () => {
    const { account, charges } = await billedAccount();
    leaveBooksCorrupt(sut, [account]);
    await sut.db.query("UPDATE transactions SET period_end = '2026-05-20' WHERE id = ?", [charges[1].id]);
    expect(await coverageMismatches(account)).toEqual([
      expect.objectContaining({ accountId: account, expected: '2026-05-21 to 2026-05-31 charged 1 time(s)', actual: 'charged 0 time(s)' }),
    ]);
  });

  it('names the account when a period is charged twice', async () => {
    const { account, charges } = await billedAccount();
    leaveBooksCorrupt(sut, [account]);
    // A second charge for May, starting a day later so the unique key on (service, period start) lets it in.
    await sut.db.query(
      `INSERT INTO transactions (account_id, kind, side, amount, tax_amount, transaction_date, description, service_id, account_service_id,
         quantity, period_start, period_end)
       SELECT account_id, kind, side, amount, tax_amount, transaction_date, description, service_id, account_service_id,
              quantity, '2026-05-02', period_end
         FROM transactions WHERE id = ?`,
      [charges[1].id],
    );
    expect(await coverageMismatches(account)).toEqual([
      expect.objectContaining({ accountId: account, expected: '2026-05-02 to 2026-05-31 charged 1 time(s)', actual: 'charged 2 time(s)' }),
    ]);
  });

  it('names the account when the service is billed through a date no charge reaches', async () => {
    const { account } = await billedAccount();
    leaveBooksCorrupt(sut, [account]);
    // As the first-period bug left it: the run moved the date on without writing the charge.
    await sut.db.query("UPDATE account_services SET charged_through = '2026-07-01' WHERE account_id = ?", [account]);
    expect(await coverageMismatches(account)).toEqual([
      expect.objectContaining({ accountId: account, expected: '2026-06-01 to 2026-06-30 charged 1 time(s)', actual: 'charged 0 time(s)' }),
    ]);
  });

  it('accepts a charge reversed by voiding its invoice, and unused days credited on removal', async () => {
    const { account } = await billedAccount();
    const invoices = (await w.get(`/api/invoices?filter=${encodeURIComponent(JSON.stringify({ accountId: account }))}`).expect(200)).body;
    const may = invoices.find((i: { invoiceDate: string }) => i.invoiceDate === '2026-05-01');
    await w.post(`/api/invoices/${may.id}/void`, { reason: 'wrong address' }).expect(200);
    const [service] = (await w.get(`/api/account-services?filter=${encodeURIComponent(JSON.stringify({ accountId: account }))}`)).body;
    await w.today('2026-05-11');
    await w.post(`/api/account-services/${service.id}/remove`, { date: '2026-05-11' }).expect(200);
    expect(await coverageMismatches(account)).toEqual([]);
    await w.expectBooksBalance([account]);
  });

  /** billedAccount() with its service removed on 2026-05-11, after May was charged: May 11-31 come back as a credit. */
  async function removedAfterBillingAhead() {
    const billed = await billedAccount();
    const [service] = (await w.get(`/api/account-services?filter=${encodeURIComponent(JSON.stringify({ accountId: billed.account }))}`))
      .body;
    await w.today('2026-05-11');
    await w.post(`/api/account-services/${service.id}/remove`, { date: '2026-05-11' }).expect(200);
    const [credit]: { id: number; amount: string; corrected_by_transaction_id: number | null }[] = await sut.db.query(
      "SELECT id, amount, corrected_by_transaction_id FROM transactions WHERE account_id = ? AND kind = 'discount'",
      [billed.account],
    );
    // 21 of May's 31 days: 3000 × 21 / 31 = 2032.26 → 2032.
    expect(Number(credit.amount)).toBe(2032);
    return { ...billed, credit };
  }

  const balanceOf = async (account: number): Promise<number> => {
    const [{ balance }] = await sut.db.query(
      "SELECT COALESCE(SUM(IF(side = 'debit', amount + tax_amount, -(amount + tax_amount))), 0) AS balance FROM transactions WHERE account_id = ?",
      [account],
    );
    return Number(balance);
  };

  it('takes back the unused days credited on removal when their charge is reversed, so they are not given back twice', async () => {
    const { account, charges, credit } = await removedAfterBillingAhead();
    await w.post(`/api/transactions/${charges[1].id}/reverse`, { reason: 'billed in error' }).expect(200);
    const [after] = await sut.db.query('SELECT corrected_by_transaction_id FROM transactions WHERE id = ?', [credit.id]);
    expect(after.corrected_by_transaction_id).not.toBeNull();
    // May is given back whole, once: only April is owed.
    expect(await balanceOf(account)).toBe(3000);
    expect(await coverageMismatches(account)).toEqual([]);
    await w.expectBooksBalance([account]);
  });

  it('takes back the unused days credited on removal when the invoice carrying their charge is voided', async () => {
    const { account, credit } = await removedAfterBillingAhead();
    const invoices = (await w.get(`/api/invoices?filter=${encodeURIComponent(JSON.stringify({ accountId: account }))}`).expect(200)).body;
    const may = invoices.find((i: { invoiceDate: string }) => i.invoiceDate === '2026-05-01');
    await w.post(`/api/invoices/${may.id}/void`, { reason: 'wrong address' }).expect(200);
    const [after] = await sut.db.query('SELECT corrected_by_transaction_id FROM transactions WHERE id = ?', [credit.id]);
    expect(after.corrected_by_transaction_id).not.toBeNull();
    expect(await balanceOf(account)).toBe(3000);
    expect(await coverageMismatches(account)).toEqual([]);
    await w.expectBooksBalance([account]);
  });

  it('refuses to void an unused-days credit by hand, writing nothing', async () => {
    const { account, credit } = await removedAfterBillingAhead();
    const before = await balanceOf(account);
    const res = await w.post(`/api/transactions/${credit.id}/void`).expect(409);
    expect(res.body.code).toBe('unused_days_credit');
    expect(await balanceOf(account)).toBe(before);
    expect(await coverageMismatches(account)).toEqual([]);
  });
});
