import { PdfScratch, squeeze } from '../documents/pdf-text';
import { createTestApp, TestApp } from '../support/test-app';
import { BillingWorld } from './billing-world';
import { downloadPdf, printedFigures } from './pdf-figures';

/**
 * A payment made today on an invoice dated next month (billed in advance). The
 * ledger's running balance on the payment's date has only the payment in it, so
 * printing that as the balance told the subscriber they held a credit while the
 * invoice still had money owing. The receipt prints the account's figures instead.
 */
describe('a receipt for a payment on an invoice dated ahead of it', () => {
  let sut: TestApp;
  let w: BillingWorld;
  const pdfs = new PdfScratch();

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
  });
  afterAll(async () => {
    pdfs.close();
    await sut.close();
  });

  it('shows what is still owed on the invoice, not a credit', async () => {
    await w.today('2026-11-20');
    const account = await w.account({ billDay: 1, invoiceDay: 1 });
    await w.addService(account, await w.service(11051), '2026-11-20', { prorate: false });
    const { invoice } = await w.generate(account, '2026-12-01');
    expect(invoice).toMatchObject({ invoiceDate: '2026-12-01', total: 11051 });
    const payment = await w.pay(account, 6000);
    expect(payment.applied).toEqual([expect.objectContaining({ invoiceId: invoice!.id, amount: 6000 })]);

    const pages = await pdfs.pages(await downloadPdf(sut, w.token, `/api/transactions/${payment.transaction.id}/receipt.pdf`));
    const text = squeeze(pages.join('\n'));
    expect(text).not.toContain('-60.00');
    expect(text).not.toMatch(/credit the account holds/);
    const figures = await w.figures(account);
    expect(figures).toMatchObject({ balanceDue: 5051, availableCredits: 0 });
    expect(printedFigures(pages)).toEqual({
      asOf: '2026-11-20',
      dueNow: figures.dueNow,
      balanceDue: 5051,
      availableCredits: 0,
      totalBalance: figures.totalBalance,
      nextRecurringCharge: figures.nextRecurringCharge,
      nextBillingDate: '2027-01-01',
    });
    await w.expectBooksBalance([account]);
  });
});
