import { createTestApp, TestApp } from '../support/test-app';
import { BillingWorld } from './billing-world';

/**
 * An account a bill run will never invoice again shows no next billing date, in
 * the figures and in the header alike; anything left to bill brings it back.
 */
describe('next billing date of an account with nothing left to bill', () => {
  let sut: TestApp;
  let w: BillingWorld;

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
  });
  afterAll(() => sut.close());

  const shown = async (accountId: number) => {
    const figures = await w.figures(accountId);
    const header = (await w.get(`/api/accounts/${accountId}/header`).expect(200)).body as { nextBillingDate: string | null };
    expect(header.nextBillingDate).toBe(figures.nextBillingDate);
    return figures.nextBillingDate;
  };

  it('is none once every service is off and paid for, and comes back with a charge waiting', async () => {
    await w.today('2025-08-10');
    const account = await w.account({ billTiming: 'advance', invoiceDay: 1, billDay: 1 });
    // Never billed and nothing on it: nothing for a run to invoice.
    expect(await shown(account)).toBeNull();

    const service = await w.service(3000);
    const row = await w.addService(account, service, '2025-08-10');
    expect(await shown(account)).toBe('2025-09-01');

    // Removed the same day, its prorated charge credited back: nothing is left to bill.
    await w.post(`/api/account-services/${row.id}/remove`, { date: '2025-08-10' }).expect(200);
    await w.generate(account, '2025-08-10');
    expect(await shown(account)).toBeNull();

    const oneTime = await w.service(1500, { kind: 'one_time' });
    await w.post('/api/transactions/one-time', { accountId: account, serviceId: oneTime, price: 1500 }).expect(201);
    expect(await shown(account)).toBe('2025-09-01');
    await w.expectBooksBalance([account]);
  });

  it('stays in arrears until the days used are charged', async () => {
    await w.today('2025-08-10');
    const account = await w.account({ billTiming: 'arrears', invoiceDay: 1, billDay: 1 });
    const service = await w.service(3100);
    const row = await w.addService(account, service, '2025-08-01');
    await w.post(`/api/account-services/${row.id}/remove`, { date: '2025-08-10' }).expect(200);
    // Nine days used and not yet charged: the run of 1 September charges them.
    expect(await shown(account)).toBe('2025-09-01');
    await w.today('2025-09-01');
    expect((await w.generate(account, '2025-09-01')).invoice?.total).toBe(900);
    expect(await shown(account)).toBeNull();
    await w.expectBooksBalance([account]);
  });

  it('is kept by a parent whose children are billed on its invoices', async () => {
    await w.today('2025-08-10');
    const parent = await w.account({ invoiceDay: 1, billDay: 1 });
    const child = await w.account({ invoiceDay: 1, billDay: 1 });
    await w.post(`/api/accounts/${parent}/child-accounts`, { childAccountId: child }).expect(201);
    expect(await shown(parent)).toBe('2025-09-01');
  });
});
