import { formatMoney } from '../../src/common/money';
import { renderInvoicePdf } from '../../src/documents/invoice.pdf';
import { account, company, figures, invoiceFrom } from './document-fixtures';
import { PdfScratch, squeeze } from './pdf-text';

describe('a one-page invoice with a credit line, taxes, child invoices and a message', () => {
  const scratch = new PdfScratch();
  afterAll(() => scratch.close());

  const doc = {
    ...invoiceFrom(
      [
        {
          date: '2025-03-01',
          description: 'Business Fiber 1 Gbps',
          quantity: 3,
          amount: 1_234_567_89,
          taxes: [
            { name: 'State sales tax', rateE4: 82_500, amount: 101_851_85 },
            { name: 'Telecom excise', rateE4: 3_000, amount: 3_703_70 },
          ],
        },
        { date: '2025-03-04', description: 'Goodwill credit for outage', quantity: null, amount: -150_00, taxes: [] },
        { date: '2025-03-05', description: 'Static IP block /29', quantity: 1, amount: 15_00, taxes: [] },
      ],
      { number: 'INV-004217', paid: 1_000_000_00 },
    ),
    childInvoices: [
      { number: 'INV-004218', accountName: 'Prairie Hardware — Annex', remaining: 2_500_00 },
      { number: 'INV-004219', accountName: 'Prairie Hardware Warehouse', remaining: -3_25 },
    ],
    message: 'Thank you for your business. Payments by check go to the address above.',
  };
  let text: string;
  let pages: string[];
  beforeAll(async () => {
    pages = await scratch.pages(await renderInvoicePdf(doc));
    text = squeeze(pages.join('\n'));
  });

  it('fits on one page numbered "Page 1 of 1"', async () => {
    expect(pages).toHaveLength(1);
    expect(text).toContain('Page 1 of 1');
  });

  it('heads the invoice with its number, dates, service period, company and account', async () => {
    expect(text).toContain('INVOICE');
    expect(text).toContain('Invoice number INV-004217');
    expect(text).toContain('Invoice date 2025-03-01');
    expect(text).toContain('Due date 2025-03-21');
    expect(text).toContain('Service period 2025-03-01 to 2025-03-31');
    for (const line of [company.name, ...company.addressLines, company.email!, company.phone!]) expect(text).toContain(line);
    for (const line of [account.name, `Account ${account.id}`, ...account.addressLines]) expect(text).toContain(line);
    expect(text).not.toContain('VOID');
  });

  it('prints each line with thousands separators, the credit as a negative amount, and each tax under its line', async () => {
    expect(text).toMatch(
      /2025-03-01 Business Fiber 1 Gbps 3 1,234,567\.89\n State sales tax \(8\.25%\) 101,851\.85\n Telecom excise \(0\.3%\) 3,703\.70\n/,
    );
    expect(text).toContain('Goodwill credit for outage -150.00');
    expect(text).toContain('Static IP block /29 1 15.00');
  });

  it('totals the lines as the test adds them up', async () => {
    const subtotal = 1_234_567_89 - 150_00 + 15_00;
    const tax = 101_851_85 + 3_703_70;
    expect(doc.totals).toEqual({ subtotal, tax, total: subtotal + tax, paid: 1_000_000_00, remaining: subtotal + tax - 1_000_000_00 });
    expect(text).toContain('Subtotal 1,234,432.89 USD');
    expect(text).toContain('Tax 105,555.55 USD');
    expect(text).toContain('Total 1,339,988.44 USD');
    expect(text).toContain('Paid 1,000,000.00 USD');
    expect(text).toContain('Remaining due 339,988.44 USD');
    expect(formatMoney(subtotal + tax, 'USD')).toBe('1,339,988.44 USD');
  });

  it('lists the child invoices, the message and the account figures', async () => {
    expect(text).toContain('Child account invoices');
    expect(text).toContain('INV-004218 Prairie Hardware — Annex 2,500.00');
    expect(text).toContain('INV-004219 Prairie Hardware Warehouse -3.25');
    expect(text).toContain(doc.message);
    expect(text).toContain(`Due now ${formatMoney(figures.dueNow, 'USD')}`);
    expect(text).toContain('Due now 1,234,567.89 USD');
    expect(text).toContain('Balance due 2,345.67 USD');
    expect(text).toContain('Available credits 50.00 USD');
    expect(text).toContain('Total balance -12.50 USD');
    expect(text).toContain('Next recurring charge 79.99 USD');
  });

  it('sets the PDF title to the invoice number', async () => {
    await expect(scratch.title(await renderInvoicePdf(doc))).resolves.toBe('Invoice INV-004217');
  });
});
