import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';
import { BillingWorld } from './billing-world';

/**
 * Voids and reversals carry the day they are dated on the ledger: today unless
 * asked otherwise, never on or before the accounting close date, never before what
 * they correct, always inside the date window. Closing is system-wide, hence a
 * database of its own.
 */
describe('the effective date of a correction', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let account: number;
  let oneTime: number;

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    w = await new BillingWorld(sut).init();
    await w.today('2026-04-10');
    account = await w.account();
    oneTime = await w.service(5000, { kind: 'one_time' });
    await w.today('2026-04-20');
    await w.put('/api/accounting-period', { closeDate: '2026-03-31' }).expect(200);
  });
  afterAll(async () => {
    await w.expectBooksBalance([account]);
    await sut.close();
  });

  async function debit(date: string): Promise<number> {
    return (await w.post('/api/transactions/one-time', { accountId: account, serviceId: oneTime, date }).expect(201)).body.transaction.id;
  }

  it('dates a debit reversal, a payment void and an invoice void on the day asked for', async () => {
    const reversal = await w.post(`/api/transactions/${await debit('2026-04-10')}/reverse`, { effectiveDate: '2026-04-12' }).expect(200);
    expect(reversal.body.transaction).toMatchObject({ kind: 'discount', date: '2026-04-12' });

    const payment = (await w.pay(account, 1200, '2026-04-10')).transaction.id;
    const voided = await w.post(`/api/transactions/${payment}/void`, { effectiveDate: '2026-04-11' }).expect(200);
    expect(voided.body.transaction).toMatchObject({ kind: 'void', date: '2026-04-11', amount: 1200 });

    await debit('2026-04-10');
    const invoice = (await w.post('/api/invoices', { accountId: account, includeUninvoiced: true }).expect(201)).body;
    // The invoice is dated today, so its void can be no earlier.
    await w.post(`/api/invoices/${invoice.id}/void`, { effectiveDate: '2026-04-19' }).expect(422);
    await w.post(`/api/invoices/${invoice.id}/void`, { effectiveDate: '2026-04-22' }).expect(200);
    const reversals = await sut.db.query(
      `SELECT DATE_FORMAT(r.transaction_date, '%Y-%m-%d') AS date FROM transactions r
         JOIN transactions d ON d.id = r.corrects_transaction_id WHERE d.invoice_id = ?`,
      [invoice.id],
    );
    expect(reversals).toEqual([{ date: '2026-04-22' }]);
  });

  it('dates it today when no day is given', async () => {
    const res = await w.post(`/api/transactions/${await debit('2026-04-10')}/reverse`, {}).expect(200);
    expect(res.body.transaction.date).toBe('2026-04-20');
  });

  it.each(['2026-03-31', '2026-03-01'])(
    'refuses %s, on or before the close date, with 409 and a sentence, writing nothing',
    async (day) => {
      const id = await debit('2026-04-10');
      const invoice = await invoiceOf(id);
      const before = await w.transactions(account);
      const reversal = await w.post(`/api/transactions/${id}/reverse`, { effectiveDate: day }).expect(409);
      expect(reversal.body).toMatchObject({
        code: 'accounting_period_closed',
        message: `The accounting period is closed up to and including 2026-03-31. A correction of debit ${id} dated ${day} cannot be added or changed; record the correction in the open period.`,
      });
      const voided = await w.post(`/api/invoices/${invoice}/void`, { effectiveDate: day }).expect(409);
      expect(voided.body.code).toBe('accounting_period_closed');
      expect(voided.body.message).toContain(`A correction of invoice `);
      expect(voided.body.message).toContain(`dated ${day} cannot be added or changed`);
      expect(await w.transactions(account)).toEqual(before);
    },
  );

  it('refuses a day before what it corrects with 422 naming the field', async () => {
    const id = await debit('2026-04-10');
    const res = await w.post(`/api/transactions/${id}/reverse`, { effectiveDate: '2026-04-09' }).expect(422);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'effectiveDate', rule: 'notBeforeOriginal' })]);
    expect(res.body.message).toBe(`Debit ${id} is dated 2026-04-10; a correction of it cannot be dated earlier, on 2026-04-09.`);
  });

  it.each([
    ['1999-12-31', 'date'],
    ['2100-01-01', 'date'],
    ['2026-04-31', 'date'],
    ['tomorrow', 'date'],
  ])('refuses %s with 400 naming the field and rule, writing nothing', async (effectiveDate, rule) => {
    const id = await debit('2026-04-10');
    const invoice = await invoiceOf(id);
    const payment = (await w.pay(account, 100, '2026-04-10')).transaction.id;
    const before = await w.transactions(account);
    for (const path of [`/api/transactions/${id}/reverse`, `/api/transactions/${payment}/void`, `/api/invoices/${invoice}/void`]) {
      const res = await w.post(path, { effectiveDate }).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'effectiveDate', rule })]);
    }
    expect(await w.transactions(account)).toEqual(before);
  });

  /** Puts the debit on an invoice of its own and returns the invoice's id. */
  async function invoiceOf(debitId: number): Promise<number> {
    const [row] = await sut.db.query('SELECT invoice_id FROM transactions WHERE id = ?', [debitId]);
    if (row.invoice_id !== null) return Number(row.invoice_id);
    return (await w.post('/api/invoices', { accountId: account, includeUninvoiced: true }).expect(201)).body.id;
  }
});
