import { renderInvoicePdf } from '../../src/documents/invoice.pdf';
import { invoiceFrom } from './document-fixtures';
import { PdfScratch, squeeze } from './pdf-text';

describe('a voided invoice', () => {
  const scratch = new PdfScratch();
  afterAll(() => scratch.close());

  const line = (n: number) => ({ date: '2025-02-01', description: `Residential Fiber ${n}`, quantity: 1, amount: 59_99, taxes: [] });
  const doc = invoiceFrom(
    Array.from({ length: 70 }, (_, i) => line(i + 1)),
    { number: 'INV-000900', void: true },
  );

  it('says VOID in the title, in a banner on the first page and in the PDF title, and still shows the figures', async () => {
    const pdf = await renderInvoicePdf(doc);
    const pages = (await scratch.pages(pdf)).map(squeeze);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain('INVOICE — VOID');
    expect(pages[0]).toMatch(/^ ?VOID$/m);
    expect(pages[0]).toContain('Invoice INV-000900 has been voided');
    pages.forEach((page, i) => {
      expect(page).toContain(`Invoice INV-000900 (VOID) Page ${i + 1} of ${pages.length}`);
    });
    expect(pages.join('\n')).toContain('Total 4,199.30 USD');
    await expect(scratch.title(pdf)).resolves.toBe('Invoice INV-000900 (VOID)');
  });

  it('leaves the same invoice unmarked when it is not void', async () => {
    const pdf = await renderInvoicePdf({ ...doc, invoice: { ...doc.invoice, void: false } });
    const text = (await scratch.pages(pdf)).join('\n');
    expect(text).not.toContain('VOID');
    await expect(scratch.title(pdf)).resolves.toBe('Invoice INV-000900');
  });
});
