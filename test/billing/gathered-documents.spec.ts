import { BillingDocumentsService } from '../../src/billing/billing-documents.service';
import { BillingFiguresService } from '../../src/billing/billing-figures.service';
import { ConflictException, NotFoundException } from '../../src/common/errors';
import { createTestApp, TestApp } from '../support/test-app';
import { BillingWorld } from './billing-world';

/**
 * An email batch gathers its invoices' and receipts' data set-wise. What it gathers must be
 * what the one-at-a-time path (the PDF download) makes of each, for accounts that differ in
 * every way the documents show: taxes, quantities, linked child invoices, a payment applied
 * and one left open, a tax-exempt account, and ids that name nothing a receipt can be made of.
 */
describe('documents gathered for a batch', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let documents: BillingDocumentsService;
  let accounts: number[];
  let invoices: number[];
  let payments: number[];
  let charge: number;

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
    documents = sut.app.get(BillingDocumentsService);
    await w.today('2026-10-01');
    const taxed = await w.account();
    const exempt = await w.account({ taxExempt: true });
    const parent = await w.account();
    const kid = await w.account();
    accounts = [taxed, exempt, parent, kid];
    const tax = await w.tax(82500);
    const otherTax = await w.tax(1250);
    const fiber = await w.service(12345, { taxIds: [tax, otherTax] });
    const phone = await w.service(2999, { taxIds: [otherTax] });
    await w.addService(taxed, fiber, '2026-10-01');
    await w.addService(taxed, phone, '2026-10-01', { quantity: 2 });
    await w.addService(exempt, fiber, '2026-10-01');
    for (const id of [parent, kid]) await w.addService(id, phone, '2026-10-01');
    await w.post(`/api/accounts/${parent}/child-accounts`, { childAccountId: kid }).expect(201);
    invoices = [];
    for (const id of [taxed, exempt, parent, kid]) invoices.push((await w.generate(id, '2026-10-01')).invoice!.id);
    payments = [(await w.pay(taxed, 5000)).transaction.id, (await w.pay(parent, 999_999)).transaction.id];
    charge = (await w.transactions(taxed)).find((t) => t.side === 'debit')!.id;
  });
  afterAll(async () => {
    await w.expectBooksBalance(accounts);
    await sut.close();
  });

  it('makes each invoice as the one-at-a-time path does, and names a missing one', async () => {
    const missing = Math.max(...invoices) + 1_000_000;
    const gathered = await documents.invoiceDocuments([...invoices, missing]);
    for (const id of invoices) expect(gathered.get(id)).toEqual(await documents.invoiceDocument(id));
    const parentInvoice = gathered.get(invoices[2]);
    expect(parentInvoice).toMatchObject({ childInvoices: [expect.objectContaining({ remaining: expect.any(Number) })] });
    expect(gathered.get(missing)).toBeInstanceOf(NotFoundException);
    await expect(documents.invoiceDocument(missing)).rejects.toBeInstanceOf(NotFoundException);
  });

  it('makes each receipt as the one-at-a-time path does, and refuses a charge and a missing row', async () => {
    const missing = Math.max(...payments) + 1_000_000;
    const gathered = await documents.receiptDocuments([...payments, charge, missing]);
    for (const id of payments) expect(gathered.get(id)).toEqual(await documents.receiptDocument(id));
    expect(gathered.get(payments[0])).toMatchObject({ appliedTo: [expect.objectContaining({ amount: 5000 })], unapplied: 0 });
    expect(gathered.get(charge)).toBeInstanceOf(ConflictException);
    await expect(documents.receiptDocument(charge)).rejects.toBeInstanceOf(ConflictException);
    expect(gathered.get(missing)).toBeInstanceOf(NotFoundException);
  });

  it("reads every account's figures set-wise as the API answers them one by one", async () => {
    const figures = sut.app.get(BillingFiguresService);
    const em = sut.db.manager;
    const together = await figures.figuresOf(em, accounts, '2026-10-01');
    for (const id of accounts) expect(together.get(id)).toEqual(await figures.figures(em, id, '2026-10-01'));
    expect(together.get(accounts[0])?.nextRecurringCharge).toBeGreaterThan(together.get(accounts[1])?.nextRecurringCharge ?? 0);
  });
});
