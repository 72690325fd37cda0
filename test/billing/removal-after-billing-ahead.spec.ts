import { createStatus } from '../disconnection/disconnection-fixture';
import { createTestApp, TestApp } from '../support/test-app';
import { BillingWorld } from './billing-world';

/**
 * Removing a service, or disconnecting its account, after it was billed past the
 * removal date: a bill run dated ahead of today (the panel allows one), or a removal
 * dated back. A $30.00 service (3000 cents), periods starting on the 1st, worked out
 * by hand: April has 30 days, May 31.
 */
describe('ending a service already billed past the end date', () => {
  let sut: TestApp;
  let w: BillingWorld;
  const touched: number[] = [];

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
  });
  afterAll(() => sut.close());
  afterEach(async () => {
    await w.expectBooksBalance(touched.splice(0));
    jest.restoreAllMocks();
  });

  const credits = async (account: number) =>
    (await w.transactions(account)).filter((t) => t.kind === 'discount').map((t) => ({ amount: t.amount, description: t.description }));

  it('in advance, charged through the end of May, a removal on 11 April gives back 20 April days and all of May', async () => {
    await w.today('2026-04-01');
    const account = await w.account({ billTiming: 'advance' });
    touched.push(account);
    const row = await w.addService(account, await w.service(3000), '2026-04-01');
    await w.generate(account, '2026-04-01');
    await w.generate(account, '2026-05-01'); // a run dated a month ahead
    await w.today('2026-04-11');
    const res = await w.post(`/api/account-services/${row.id}/remove`, { date: '2026-04-11' }).expect(200);
    expect(res.body).toMatchObject({ removedOn: '2026-04-11', chargedThrough: '2026-04-11' });
    // 3000 × 20 / 30 = 2000 for 11–30 April; May's 3000 comes back whole.
    expect(await credits(account)).toEqual([
      { amount: 2000, description: expect.stringContaining('(2026-04-11 to 2026-04-30), unused days credited 20/30 days') },
      { amount: 3000, description: expect.stringContaining('(2026-05-01 to 2026-05-31), unused days credited 31/31 days') },
    ]);
    expect((await w.figures(account)).totalBalance).toBe(6000 - 5000);
  });

  it('in advance, a removal dated before the only period it was charged for gives that charge back whole, and nothing for free days', async () => {
    await w.today('2026-04-15');
    const account = await w.account({ billTiming: 'advance' });
    touched.push(account);
    // Not prorated: it rides free until 1 May, so nothing was charged for April.
    const row = await w.addService(account, await w.service(3000), '2026-04-15', { prorate: false });
    expect(await w.transactions(account)).toEqual([]);
    await w.today('2026-04-20');
    await w.generate(account, '2026-05-01');
    const res = await w.post(`/api/account-services/${row.id}/remove`, { date: '2026-04-25', prorate: true }).expect(200);
    expect(res.body).toMatchObject({ removedOn: '2026-04-25', chargedThrough: '2026-04-25' });
    expect(await credits(account)).toEqual([
      { amount: 3000, description: expect.stringContaining('(2026-05-01 to 2026-05-31), unused days credited 31/31 days') },
    ]);
    expect((await w.figures(account)).totalBalance).toBe(0);
  });

  it('in arrears, a removal dated before the days a run already charged gives those days back', async () => {
    await w.today('2026-04-01');
    const account = await w.account({ billTiming: 'arrears' });
    touched.push(account);
    const row = await w.addService(account, await w.service(3000), '2026-04-01');
    await w.today('2026-04-11');
    const { invoice } = await w.generate(account, '2026-05-01'); // April, charged ahead of its end
    expect(invoice?.total).toBe(3000);
    await w.post(`/api/account-services/${row.id}/remove`, { date: '2026-04-11' }).expect(200);
    // Used 1–10 April: 3000 × 10 / 30 = 1000 stays charged, 2000 comes back.
    expect(await credits(account)).toEqual([
      { amount: 2000, description: expect.stringContaining('(2026-04-11 to 2026-04-30), unused days credited 20/30 days') },
    ]);
    expect((await w.invoice(invoice!.id)).remaining).toBe(1000);
  });

  it('disconnecting on 9 April after a run dated 1 May credits 22 April days and all of May instead of failing', async () => {
    await w.today('2026-04-01');
    const account = await w.account({ billTiming: 'advance' });
    touched.push(account);
    await w.addService(account, await w.service(3000), '2026-04-01');
    await w.generate(account, '2026-04-01');
    await w.generate(account, '2026-05-01');
    await w.today('2026-04-09');
    const status = await createStatus(w, false);
    await w.post(`/api/accounts/${account}/disconnect`, { statusId: status.id }).expect(201);
    // 3000 × 22 / 30 = 2200 for 9–30 April, and May's 3000.
    expect((await credits(account)).map((c) => c.amount)).toEqual([2200, 3000]);
    expect(await w.figures(account)).toMatchObject({ totalBalance: 6000 - 5200, nextRecurringCharge: 0 });
  });
});
