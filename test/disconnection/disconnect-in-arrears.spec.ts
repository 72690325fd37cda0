import { createTestApp, TestApp } from '../support/test-app';
import { BillingWorld } from '../billing/billing-world';
import { accountServices, createStatus, DisconnectionBody, disconnections } from './disconnection-fixture';

/**
 * Disconnecting an account billed in arrears, worked out by hand: nothing of the
 * current period is charged yet, so the final invoice charges the days used, which
 * the next bill run would otherwise have charged. A $30.00 service (3000 cents),
 * periods starting the 1st, a 30-day April.
 */
describe('disconnecting an account billed in arrears', () => {
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

  it('puts the days used since the last invoice, with their tax, on the final invoice and leaves nothing for the bill run', async () => {
    const tax = await w.tax(100000); // 10 %
    await w.today('2026-03-01');
    const account = await w.account({ billTiming: 'arrears' });
    const service = await w.addService(account, await w.service(3000, { taxIds: [tax] }), '2026-03-01');
    await w.today('2026-04-01');
    const { invoice: march } = await w.generate(account, '2026-04-01');
    expect(march?.total).toBe(3300);
    await w.today('2026-04-11');
    const status = await createStatus(w, false);

    const entry = (await w.post(`/api/accounts/${account}/disconnect`, { statusId: status.id }).expect(201)).body as DisconnectionBody;

    // 1 to 10 April: 3000 × 10 / 30 = 1000, and 10 % tax on it = 100.
    expect(entry.finalInvoice).toMatchObject({ total: 1100, remaining: 1100 });
    expect(await w.invoice(entry.finalInvoice!.id)).toMatchObject({ manual: true, invoiceDate: '2026-04-11', taxTotal: 100 });
    const [charge] = (await w.transactions(account)).filter((t) => t.invoiceId === entry.finalInvoice?.id);
    expect(charge).toMatchObject({ kind: 'debit', amount: 1000, taxAmount: 100 });
    expect(charge.description).toContain('(2026-04-01 to 2026-04-10), prorated 10/30 days');
    expect(await w.invoice(march!.id)).toMatchObject({ total: 3300, remaining: 3300 });
    expect(await w.figures(account)).toMatchObject({ balanceDue: 4400, totalBalance: 4400, nextRecurringCharge: 0 });
    expect(await accountServices(w, account)).toEqual([
      expect.objectContaining({ id: service.id, removedOn: '2026-04-11', chargedThrough: '2026-04-11' }),
    ]);
    expect(await disconnections(w, account)).toEqual([entry]);

    await w.today('2026-05-01');
    expect((await w.generate(account, '2026-05-01')).invoice).toBeNull();
  });

  it('charges only the days the service was on the account when it joined during the same period', async () => {
    await w.today('2026-04-05');
    const account = await w.account({ billTiming: 'arrears' });
    await w.addService(account, await w.service(3000), '2026-04-05');
    await w.today('2026-04-11');
    const status = await createStatus(w, false);

    const entry = (await w.post(`/api/accounts/${account}/disconnect`, { statusId: status.id }).expect(201)).body as DisconnectionBody;

    // 5 to 10 April: 3000 × 6 / 30 = 600.
    expect(entry.finalInvoice).toMatchObject({ total: 600 });
    const [charge] = (await w.transactions(account)).filter((t) => t.invoiceId === entry.finalInvoice?.id);
    expect(charge.description).toContain('(2026-04-05 to 2026-04-10), prorated 6/30 days');
  });
});
