import { formatMoney } from '../../src/common/money';
import { PdfScratch } from '../documents/pdf-text';
import { createTestApp, TestApp } from '../support/test-app';
import { BillingWorld } from './billing-world';

/** The PDFs the API serves carry the same numbers as the API, read back with pdftotext. */
describe('invoice, statement and receipt PDFs from the API', () => {
  let sut: TestApp;
  let w: BillingWorld;
  const pdfs = new PdfScratch();
  let account: number;
  let invoiceId: number;
  let paymentId: number;

  const download = async (path: string) => {
    const res = await w
      .get(path)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return (await pdfs.pages(res.body as Buffer)).join('\n');
  };

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
    await w.today('2026-11-01');
    account = await w.account();
    const tax = await w.tax(82500, `Sales ${Date.now()}`);
    await w.addService(account, await w.service(12345, { taxIds: [tax], name: `Fiber PDF ${Date.now()}` }), '2026-11-01');
    invoiceId = (await w.generate(account, '2026-11-01')).invoice!.id;
    paymentId = (await w.pay(account, 5000)).transaction.id;
  });
  afterAll(async () => {
    pdfs.close();
    await w.expectBooksBalance([account]);
    await sut.close();
  });

  it('prints the invoice with its lines, taxes, totals and the account figures', async () => {
    const invoice = await w.invoice(invoiceId);
    const figures = await w.figures(account);
    const text = await download(`/api/invoices/${invoiceId}/invoice.pdf`);
    expect(text).toContain(invoice.number);
    // 12345 × 8.25 % = 1018.4625 → 1018; total 13363; paid 5000; remaining 8363
    expect(invoice).toMatchObject({ total: 13363, taxTotal: 1018, paid: 5000, remaining: 8363 });
    for (const amount of [12345, 1018, 13363, 5000, 8363]) expect(text).toContain(formatMoney(amount));
    expect(text).toContain(formatMoney(figures.balanceDue));
    expect(text).toContain(formatMoney(figures.nextRecurringCharge));
  });

  it('prints the statement with the balance carried forward and the activity since', async () => {
    const text = await download(`/api/invoices/${invoiceId}/statement.pdf`);
    expect(text).toContain(formatMoney(13363));
  });

  it('prints the payment receipt with where the money went', async () => {
    const invoice = await w.invoice(invoiceId);
    const text = await download(`/api/transactions/${paymentId}/receipt.pdf`);
    expect(text).toContain(formatMoney(5000));
    expect(text).toContain(invoice.number);
    expect(text).toContain(formatMoney(8363)); // the balance after the payment
  });
});
