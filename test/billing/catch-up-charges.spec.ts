import { dueAccounts } from '../../src/bill-runs/due-accounts';
import { createTestApp, TestApp } from '../support/test-app';
import { BillingWorld } from './billing-world';

/**
 * Days of service an earlier invoice could not carry (it was made before the
 * service joined, or its billing day passed with no invoice at all) are charged
 * by the next invoice, each service period as its own line, never lost and never
 * charged twice. The bill run's choice of due accounts sees the same days.
 */
describe('catch-up charges', () => {
  let sut: TestApp;
  let w: BillingWorld;

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
  });
  afterAll(() => sut.close());

  const charges = async (accountId: number) =>
    (
      (await sut.db.query(
        `SELECT DATE_FORMAT(period_start, '%Y-%m-%d') AS start, DATE_FORMAT(period_end, '%Y-%m-%d') AS end, amount, account_service_id
           FROM transactions WHERE account_id = ? AND kind = 'debit' ORDER BY account_service_id, period_start`,
        [accountId],
      )) as { start: string; end: string; amount: string; account_service_id: number }[]
    ).map((c) => [c.account_service_id, c.start, c.end, Number(c.amount)]);

  const isDue = async (accountId: number, date: string) =>
    (await dueAccounts(sut.db.manager, date, { afterAccountId: accountId - 1, upToAccountId: accountId })).includes(accountId);

  it('in arrears, a service joining a period already invoiced ahead is charged for those days on the next invoice', async () => {
    await w.today('2025-02-12');
    const account = await w.account({ billTiming: 'arrears', invoiceDay: 12, billDay: 12 });
    const service = await w.service(2800);
    const first = await w.addService(account, service, '2025-02-12');

    // The clerk invoices the period ending 11 March a day early; then a second service joins on its last day.
    await w.today('2025-03-11');
    expect((await w.generate(account, '2025-03-12')).created).toBe(true);
    const late = await w.addService(account, service, '2025-03-11');

    await w.today('2025-04-12');
    expect(await isDue(account, '2025-04-12')).toBe(true);
    expect((await w.generate(account, '2025-04-12')).invoice?.total).toBe(2800 + 100 + 2800);
    expect(await charges(account)).toEqual([
      [first.id, '2025-02-12', '2025-03-11', 2800],
      [first.id, '2025-03-12', '2025-04-11', 2800],
      // One day of a 28-day period, then the whole next one.
      [late.id, '2025-03-11', '2025-03-11', 100],
      [late.id, '2025-03-12', '2025-04-11', 2800],
    ]);
    await w.expectBooksBalance([account]);
  });

  it('in arrears, a service that came and went inside an invoiced period makes the account due on the next billing day', async () => {
    await w.today('2025-02-12');
    const account = await w.account({ billTiming: 'arrears', invoiceDay: 12, billDay: 12 });
    const service = await w.service(2800);
    const steady = await w.addService(account, service, '2025-02-12');
    await w.today('2025-03-09');
    expect((await w.generate(account, '2025-03-12')).created).toBe(true);
    const brief = await w.addService(account, service, '2025-03-09');
    await w.post(`/api/account-services/${brief.id}/remove`, { date: '2025-03-11' }).expect(200);

    // The steady service leaves on the day it was charged up to, so only the brief one's days make the account due.
    await w.post(`/api/account-services/${steady.id}/remove`, { date: '2025-03-12' }).expect(200);
    expect(await isDue(account, '2025-04-12')).toBe(true);
    await w.today('2025-04-12');
    expect((await w.generate(account, '2025-04-12')).invoice?.total).toBe(200);
    expect((await charges(account)).filter(([id]) => id === brief.id)).toEqual([[brief.id, '2025-03-09', '2025-03-10', 200]]);
    // Charged now, nothing is left: the next billing day finds the account with nothing to bill.
    expect(await isDue(account, '2025-05-12')).toBe(false);
    await w.expectBooksBalance([account]);
  });

  it('in advance, a billing day that passed with no invoice is charged on the next one, period by period', async () => {
    await w.today('2025-05-01');
    const account = await w.account({ billTiming: 'advance', invoiceDay: 1, billDay: 1 });
    const service = await w.service(3000);
    const row = await w.addService(account, service, '2025-05-01');
    expect((await w.generate(account, '2025-05-01')).invoice?.total).toBe(3000);

    // No invoice on 1 June; 1 July's carries June and July.
    await w.today('2025-07-01');
    expect(await isDue(account, '2025-07-01')).toBe(true);
    expect((await w.generate(account, '2025-07-01')).invoice?.total).toBe(6000);
    expect(await charges(account)).toEqual([
      [row.id, '2025-05-01', '2025-05-31', 3000],
      [row.id, '2025-06-01', '2025-06-30', 3000],
      [row.id, '2025-07-01', '2025-07-31', 3000],
    ]);
    // Generated again, the invoice of the passed day finds every day already charged.
    const again = await w.generate(account, '2025-06-01');
    expect(again.invoice?.total ?? 0).toBe(0);
    expect(await charges(account)).toHaveLength(3);
    await w.expectBooksBalance([account]);
  });
});
