import { formatMoney } from '../../src/common/money';
import type { ReceiptDocument } from '../../src/documents/document-types';
import { renderReceiptPdf } from '../../src/documents/receipt.pdf';
import { account, company, figures } from './document-fixtures';
import { PdfScratch, squeeze } from './pdf-text';

describe('a receipt for a payment that paid two invoices and left a credit', () => {
  const scratch = new PdfScratch();
  afterAll(() => scratch.close());

  const appliedTo = [
    { invoiceNumber: 'INV-000301', amount: 1_199_99 },
    { invoiceNumber: 'INV-000302', amount: 800_01 },
  ];
  const doc: ReceiptDocument = {
    currency: 'USD',
    company,
    account,
    payment: { id: 5150, date: '2025-03-05', method: 'wire', reference: 'FED-20250305-889', amount: 2_250_00 },
    appliedTo,
    unapplied: 250_00,
    figures,
  };

  it('shows the payment, what it paid, what is left of it, and the account figures of the day it is printed', async () => {
    const pdf = await renderReceiptPdf(doc);
    const pages = await scratch.pages(pdf);
    const text = squeeze(pages.join('\n'));
    expect(pages).toHaveLength(1);
    expect(text).toContain('Page 1 of 1');
    expect(text).toContain('RECEIPT');
    expect(text).toContain('Receipt number 5150');
    expect(text).toContain('Payment date 2025-03-05');
    expect(text).toContain('Method Wire transfer');
    expect(text).toContain('Reference FED-20250305-889');
    expect(text).toContain('Amount received 2,250.00 USD');
    expect(text).toContain('INV-000301 1,199.99');
    expect(text).toContain('INV-000302 800.01');
    const applied = appliedTo.reduce((sum, a) => sum + a.amount, 0);
    expect(applied + doc.unapplied).toBe(doc.payment.amount);
    expect(text).toContain(`Applied to invoices ${formatMoney(applied, 'USD')}`);
    expect(text).toContain('Left unapplied 250.00 USD');
    expect(text).toContain('Account summary on 2025-03-04');
    expect(text).toContain(`Balance due ${formatMoney(figures.balanceDue, 'USD')}`);
    expect(text).toContain(`Available credits ${formatMoney(figures.availableCredits, 'USD')}`);
    expect(text).toContain('Next billing date 2025-04-01');
    expect(text).not.toContain('Balance after payment');
    expect(text).toContain(account.name);
    await expect(scratch.title(pdf)).resolves.toBe('Receipt 5150');
  });

  it('says so when nothing was applied, and leaves out a missing reference', async () => {
    const text = squeeze(
      (
        await scratch.pages(
          await renderReceiptPdf({
            ...doc,
            payment: { ...doc.payment, method: 'cash', reference: null },
            appliedTo: [],
            unapplied: 2_250_00,
          }),
        )
      ).join('\n'),
    );
    expect(text).toContain('Method Cash');
    expect(text).not.toContain('Reference');
    expect(text).toContain('This payment has not been applied to an invoice.');
    expect(text).toContain('Left unapplied 2,250.00 USD');
  });
});
