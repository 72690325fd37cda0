import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';
import { BillingWorld } from './billing-world';

/**
 * Closing a period is system-wide, so this runs on a database of its own.
 * Close date 2026-03-31: nothing dated on or before it may be created, reversed,
 * voided or deleted; corrections land in April.
 */
describe('a closed accounting period', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let account: number;
  let marchDebit: number;
  let marchPayment: number;
  let marchInvoice: number;
  let manualInvoice: number;

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    w = await new BillingWorld(sut).init();
    await w.today('2026-03-10');
    account = await w.account();
    const one = await w.service(5000, { kind: 'one_time' });
    marchDebit = (await w.post('/api/transactions/one-time', { accountId: account, serviceId: one }).expect(201)).body.transaction.id;
    marchInvoice = (await w.post('/api/invoices', { accountId: account, includeUninvoiced: true }).expect(201)).body.id;
    marchPayment = (await w.pay(account, 1000)).transaction.id;
    manualInvoice = (await w.post('/api/invoices', { accountId: account, lines: [{ serviceId: one, price: 100 }] }).expect(201)).body.id;
    await w.today('2026-04-15');
    await w.put('/api/accounting-period', { closeDate: '2026-03-31' }).expect(200);
  });
  afterAll(async () => {
    await w.expectBooksBalance([account]);
    await sut.close();
  });

  const closed = (body: { error?: string; message: string }) => {
    expect(body.message).toContain('2026-03-31');
  };

  it.each([
    ['a payment dated inside it', () => w.post('/api/payments', { accountId: account, method: 'cash', amount: 100, date: '2026-03-31' })],
    [
      'a one-time charge dated inside it',
      async () =>
        w.post('/api/transactions/one-time', {
          accountId: account,
          serviceId: await w.service(100, { kind: 'one_time' }),
          date: '2026-03-15',
        }),
    ],
    ['reversing a debit dated inside it', () => w.post(`/api/transactions/${marchDebit}/reverse`)],
    ['voiding a payment dated inside it', () => w.post(`/api/transactions/${marchPayment}/void`)],
    ['voiding an invoice dated inside it', () => w.post(`/api/invoices/${marchInvoice}/void`)],
    ['deleting a manual invoice dated inside it', () => w.delete(`/api/invoices/${manualInvoice}`)],
  ])('refuses %s with 409 naming the close date, writing nothing', async (_what, attempt) => {
    const before = await w.transactions(account);
    const res = await attempt();
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('accounting_period_closed');
    closed(res.body);
    expect(await w.transactions(account)).toEqual(before);
  });

  it('takes the correction in the open period', async () => {
    const credit = await w.service(5000, { kind: 'adjustment', adjustmentSide: 'credit' });
    const res = await w.post('/api/transactions/adjustments', { accountId: account, serviceId: credit, amount: 4000 }).expect(201);
    expect(res.body.transaction.date).toBe('2026-04-15');
    expect((await w.figures(account)).balanceDue).toBe(100);
  });

  it('refuses moving the close date backwards', async () => {
    await w.put('/api/accounting-period', { closeDate: '2026-02-28' }).expect((r) => expect([400, 409]).toContain(r.status));
  });
});
