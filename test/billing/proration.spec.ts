import { createTestApp, TestApp } from '../support/test-app';
import { BillingWorld } from './billing-world';

/**
 * Prorations worked out by hand. A $30.00 service (3000 cents), periods starting
 * on the 1st, half-up to the cent unless said otherwise.
 */
describe('proration by days', () => {
  let sut: TestApp;
  let w: BillingWorld;

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
  });
  afterAll(() => sut.close());
  afterEach(() => {
    jest.restoreAllMocks();
  });

  // days used of the period → 3000 × days / periodDays
  const additions = [
    { period: '28-day February', added: '2026-02-11', days: 18, periodDays: 28, expected: 1929 }, // 1928.571… → 1929
    { period: '29-day February', added: '2024-02-11', days: 19, periodDays: 29, expected: 1966 }, // 1965.517… → 1966
    { period: '30-day April', added: '2026-04-11', days: 20, periodDays: 30, expected: 2000 }, // exactly 2000
    { period: '31-day January', added: '2026-01-11', days: 21, periodDays: 31, expected: 2032 }, // 2032.258… → 2032
  ];

  it.each(additions)(
    'in advance, adding on $added in a $period charges $expected at once',
    async ({ added, days, periodDays, expected }) => {
      await w.today(added);
      const account = await w.account({ billTiming: 'advance' });
      const service = await w.service(3000);
      const row = await w.addService(account, service, added);
      expect(row.additionProrateDate).toBe(added);
      const [charge] = await w.transactions(account);
      expect(charge).toMatchObject({ kind: 'debit', amount: expected, invoiceId: null });
      expect(charge.description).toContain(`prorated ${days}/${periodDays} days`);
      expect((await w.figures(account)).totalBalance).toBe(expected);
    },
  );

  it.each(additions)('in arrears, adding on $added in a $period puts $expected on the next invoice', async ({ added, expected }) => {
    await w.today(added);
    const account = await w.account({ billTiming: 'arrears' });
    const service = await w.service(3000);
    await w.addService(account, service, added);
    expect(await w.transactions(account)).toEqual([]);
    const periodEnd = `${added.slice(0, 5)}${String(Number(added.slice(5, 7)) + 1).padStart(2, '0')}-01`;
    await w.today(periodEnd);
    const { invoice } = await w.generate(account, periodEnd);
    expect(invoice?.total).toBe(expected);
  });

  // removal on the 11th credits (in advance) or charges (in arrears) by days: unused = periodDays − 10, used = 10
  const removals = [
    { period: '28-day February', start: '2026-02-01', removed: '2026-02-11', next: '2026-03-01', unusedCredit: 1929, usedCharge: 1071 }, // 18/28, 10/28 = 1071.43
    { period: '29-day February', start: '2024-02-01', removed: '2024-02-11', next: '2024-03-01', unusedCredit: 1966, usedCharge: 1034 }, // 19/29, 10/29 = 1034.48
    { period: '30-day April', start: '2026-04-01', removed: '2026-04-11', next: '2026-05-01', unusedCredit: 2000, usedCharge: 1000 },
    { period: '31-day January', start: '2026-01-01', removed: '2026-01-11', next: '2026-02-01', unusedCredit: 2032, usedCharge: 968 }, // 21/31, 10/31 = 967.74
  ];

  it.each(removals)('in advance, removing on $removed in a $period credits $unusedCredit', async ({ start, removed, unusedCredit }) => {
    await w.today(start);
    const account = await w.account({ billTiming: 'advance' });
    const service = await w.service(3000);
    const row = await w.addService(account, service, start);
    const { invoice } = await w.generate(account, start);
    expect(invoice?.total).toBe(3000);
    await w.today(removed);
    await w.post(`/api/account-services/${row.id}/remove`, { date: removed }).expect(200);
    const credit = (await w.transactions(account)).find((t) => t.kind === 'discount');
    expect(credit).toMatchObject({ side: 'credit', amount: unusedCredit });
    // The unused days pay down the invoice that charged them.
    expect((await w.invoice(invoice!.id)).remaining).toBe(3000 - unusedCredit);
  });

  it.each(removals)(
    'in arrears, removing on $removed in a $period charges $usedCharge for the days used',
    async ({ start, removed, next, usedCharge }) => {
      await w.today(start);
      const account = await w.account({ billTiming: 'arrears' });
      const service = await w.service(3000);
      const row = await w.addService(account, service, start);
      await w.today(removed);
      await w.post(`/api/account-services/${row.id}/remove`, { date: removed }).expect(200);
      await w.today(next);
      const { invoice } = await w.generate(account, next);
      expect(invoice?.total).toBe(usedCharge);
    },
  );

  it('charges quantity × price override, prorated', async () => {
    await w.today('2026-04-11');
    const account = await w.account();
    const service = await w.service(3000);
    await w.addService(account, service, '2026-04-11', { quantity: 3, priceOverride: 2500 });
    // 3 × 2500 = 7500 per period; 20 of 30 days → 5000
    const [charge] = await w.transactions(account);
    expect(charge).toMatchObject({ amount: 5000 });
    expect((await w.figures(account)).nextRecurringCharge).toBe(7500);
  });

  it('rounds prorations to whole units when the account is set to', async () => {
    await w.today('2026-02-11');
    const account = await w.account({ prorationRounding: 'unit' });
    await w.addService(account, await w.service(3000), '2026-02-11');
    // 3000 × 18 / 28 = 1928.57 cents = 19.29 units → 19 units
    expect((await w.transactions(account))[0].amount).toBe(1900);
  });

  it('charges nothing for the first part-period when proration is off, and the full period from the next invoice', async () => {
    await w.today('2026-02-11');
    const account = await w.account({ prorateServices: false });
    const row = await w.addService(account, await w.service(3000), '2026-02-11');
    expect(row.additionProrateDate).toBeNull();
    expect(await w.transactions(account)).toEqual([]);
    await w.today('2026-03-01');
    expect((await w.generate(account, '2026-03-01')).invoice?.total).toBe(3000);
  });

  it('in advance, a full invoice then the next one never charge the same period twice, however often generation runs', async () => {
    await w.today('2026-06-01');
    const account = await w.account();
    await w.addService(account, await w.service(3000), '2026-06-01');
    const first = await w.generate(account, '2026-06-01');
    const again = await w.generate(account, '2026-06-01');
    expect(again).toMatchObject({ created: false, invoice: { id: first.invoice!.id, total: 3000 } });
    await w.today('2026-07-01');
    expect((await w.generate(account, '2026-07-01')).invoice?.total).toBe(3000);
    expect((await w.transactions(account)).filter((t) => t.kind === 'debit')).toHaveLength(2);
  });

  it('changes a quantity mid-period: credits the old line and charges the new one for the rest of the period', async () => {
    await w.today('2026-04-01');
    const account = await w.account();
    const row = await w.addService(account, await w.service(3000), '2026-04-01');
    const { invoice } = await w.generate(account, '2026-04-01');
    await w.today('2026-04-11');
    const res = await w.put(`/api/account-services/${row.id}/quantity`, { quantity: 3, date: '2026-04-11' }).expect(200);
    expect(res.body).toMatchObject({ quantity: 3, addedOn: '2026-04-11', periodAmount: 9000 });
    const rows = await w.transactions(account);
    // 20 of 30 days back on one unit (2000), 20 of 30 days on three units (6000)
    expect(rows.find((t) => t.kind === 'discount')).toMatchObject({ amount: 2000 });
    expect(rows.filter((t) => t.kind === 'debit').map((t) => t.amount)).toEqual([3000, 6000]);
    expect((await w.invoice(invoice!.id)).remaining).toBe(1000);
    expect((await w.figures(account)).nextRecurringCharge).toBe(9000);
    await w.today('2026-05-01');
    expect((await w.generate(account, '2026-05-01')).invoice?.total).toBe(15000);
  });
});
