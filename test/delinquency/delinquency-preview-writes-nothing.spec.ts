import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';
import { DelinquencyWorld } from './delinquency-world';

/**
 * Previewing delinquency for a day lists what the run would do (invoices turning
 * delinquent, their late fees, the status switches) without writing a row; the
 * run of that day then does exactly that.
 */
describe('a delinquency preview', () => {
  let sut: TestApp;
  let w: DelinquencyWorld;

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new DelinquencyWorld(sut).init();
  });
  afterAll(() => sut.close());

  /** Everything a run could write for these accounts: rows, flags, statuses and history entries. */
  async function footprint(accountIds: number[]) {
    const [row] = await sut.db.query(
      `SELECT (SELECT COUNT(*) FROM transactions WHERE account_id IN (?)) AS transactions,
              (SELECT COUNT(*) FROM transaction_taxes x JOIN transactions t ON t.id = x.transaction_id WHERE t.account_id IN (?)) AS taxes,
              (SELECT COUNT(*) FROM late_fees f JOIN invoices i ON i.id = f.invoice_id WHERE i.account_id IN (?)) AS late_fees,
              (SELECT COALESCE(SUM(delinquent), 0) FROM invoices WHERE account_id IN (?)) AS delinquent,
              (SELECT COUNT(*) FROM account_delinquency WHERE account_id IN (?)) AS switches,
              (SELECT GROUP_CONCAT(account_status_id ORDER BY id) FROM accounts WHERE id IN (?)) AS statuses,
              (SELECT COUNT(*) FROM action_history WHERE account_id IN (?)) AS history`,
      Array(7).fill(accountIds),
    );
    return row;
  }

  it('lists the invoices, late fees and status changes of the day, writes nothing, and matches the run', async () => {
    const lateFeeServiceId = await w.service(100, { kind: 'one_time', taxIds: [await w.tax(100000)] });
    const delinquentStatusId = await w.status(true);
    // Due 15 March; 7 grace days and 10 switch days: on 2 April the invoice turns delinquent and the account switches.
    const switching = await w.overdueAccount(12345, { lateFeeServiceId, lateFeeKind: 'percent', lateFeeRateE4: 15000, delinquentStatusId });
    const inGrace = await w.overdueAccount(5000, { lateFeeServiceId, graceDays: 30 });
    const accountIds = [switching.accountId, inGrace.accountId];
    const statusBefore = await w.statusOf(switching.accountId);
    await w.today('2026-04-02');
    const before = await footprint(accountIds);

    const res = await w.post('/api/delinquency-runs/preview', { date: '2026-04-02', accountIds }).expect(200);

    // 12345 × 1.5 % = 185.175 → 185, with 10 % tax → 18.5 → 19 (half-up)
    expect(res.body).toMatchObject({
      date: '2026-04-02',
      invoices: [
        {
          accountId: switching.accountId,
          invoiceId: switching.invoice.id,
          invoiceNumber: switching.invoice.number,
          dueDate: '2026-03-15',
          remaining: 12345,
          lateFee: { amount: 185, tax: 19 },
        },
      ],
      statusChanges: [{ accountId: switching.accountId, fromStatusId: statusBefore, toStatusId: delinquentStatusId }],
      skipped: [],
      more: false,
    });
    expect(res.body.accountNames[switching.accountId]).toMatch(/^Billing /);
    expect(Object.keys(res.body.statusNames).map(Number).sort()).toEqual([statusBefore, delinquentStatusId].sort());
    expect(await footprint(accountIds)).toEqual(before);

    const run = await w.run('2026-04-02', accountIds);
    expect(run).toMatchObject({ invoicesMarked: 1, accountsSwitched: 1 });
    expect(run.lateFees).toEqual([{ invoiceId: switching.invoice.id, transactionId: expect.any(Number), amount: 185 }]);
    const fee = (await w.transactions(switching.accountId)).find((t) => t.description.startsWith('Late fee'));
    expect(fee).toMatchObject({ amount: 185, taxAmount: 19 });
    expect(await w.statusOf(switching.accountId)).toBe(delinquentStatusId);
    // Once run, the day has nothing left to do.
    const after = await w.post('/api/delinquency-runs/preview', { date: '2026-04-02', accountIds }).expect(200);
    expect(after.body).toMatchObject({ invoices: [], statusChanges: [] });
    await w.expectBooksBalance(accountIds);
  });

  it('names the date field and rule when the date is not a day in the window, and needs the permission', async () => {
    for (const [date, rule] of [
      ['2026-02-30', 'date'],
      ['1999-12-31', 'date'],
      ['2100-01-01', 'date'],
    ]) {
      const res = await w.post('/api/delinquency-runs/preview', { date }).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'date', rule })]);
    }
    const clerk = await sut.userWith([Permission.BillingRead]);
    await sut.http().post('/api/delinquency-runs/preview').auth(clerk.token, { type: 'bearer' }).send({ date: '2026-04-02' }).expect(403);
  });
});
