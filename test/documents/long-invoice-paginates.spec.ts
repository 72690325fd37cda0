import { formatMoney } from '../../src/common/money';
import { renderInvoicePdf } from '../../src/documents/invoice.pdf';
import type { InvoiceLineDoc } from '../../src/documents/document-types';
import { invoiceFrom } from './document-fixtures';
import { centsFromText, PdfScratch, squeeze } from './pdf-text';

/** 120 lines, every third taxed twice, one of them a credit, some amounts in the thousands. */
function lines(): InvoiceLineDoc[] {
  return Array.from({ length: 120 }, (_, i) => {
    const n = i + 1;
    const amount = n === 60 ? -25_00 : n * 1_013_57;
    const taxed = n % 3 === 0;
    return {
      date: `2025-03-${String((n % 28) + 1).padStart(2, '0')}`,
      description: `Line item ${String(n).padStart(3, '0')} fiber service`,
      quantity: n % 4 === 0 ? null : n,
      amount,
      taxes: taxed
        ? [
            { name: 'State sales tax', rateE4: 62_500, amount: Math.round(amount / 16) },
            { name: 'City tax', rateE4: 10_000, amount: Math.round(amount / 100) },
          ]
        : [],
    };
  });
}

describe('an invoice of 120 lines', () => {
  const scratch = new PdfScratch();
  afterAll(() => scratch.close());

  const doc = invoiceFrom(lines(), { number: 'INV-120120', paid: 500_00 });
  let pages: string[];
  beforeAll(async () => {
    pages = await scratch.pages(await renderInvoicePdf(doc));
  });

  it('runs over several pages, each numbered "Page N of M" and carrying the invoice number', async () => {
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('INV-120120');
    });
  });

  it('repeats the table header row on every page the line table reaches', async () => {
    const withLines = pages.filter((page) => /Line item \d{3}/.test(page));
    expect(withLines).toHaveLength(pages.length);
    for (const page of withLines) expect(squeeze(page)).toMatch(/Date Description Qty Amount \(USD\)/);
  });

  it('prints every line once, in order, with its amount, and its taxes under it', async () => {
    const text = pages.join('\n');
    const printed = [...text.matchAll(/Line item (\d{3}) fiber service\s+(?:\d+\s+)?(-?[\d,]+\.\d{2})\s*$/gm)];
    expect(printed.map((m) => Number(m[1]))).toEqual(doc.lines.map((_, i) => i + 1));
    expect(printed.map((m) => centsFromText(m[2]))).toEqual(doc.lines.map((line) => line.amount));
    expect(text).toContain('-25.00');
    expect(text).toContain(formatMoney(120 * 1_013_57));

    const taxes = [...text.matchAll(/^\s+(State sales tax \(6\.25%\)|City tax \(1%\))\s+(-?[\d,]+\.\d{2})\s*$/gm)];
    expect(taxes.map((m) => centsFromText(m[2]))).toEqual(doc.lines.flatMap((line) => line.taxes.map((t) => t.amount)));
  });

  it('shows totals that equal the sums of the printed lines and taxes', async () => {
    const text = squeeze(pages.join('\n'));
    const subtotal = doc.lines.reduce((sum, line) => sum + line.amount, 0);
    const tax = doc.lines.reduce((sum, line) => sum + line.taxes.reduce((s, t) => s + t.amount, 0), 0);
    expect(text).toContain(`Subtotal ${formatMoney(subtotal, 'USD')}`);
    expect(text).toContain(`Tax ${formatMoney(tax, 'USD')}`);
    expect(text).toContain(`Total ${formatMoney(subtotal + tax, 'USD')}`);
    expect(text).toContain(`Paid ${formatMoney(500_00, 'USD')}`);
    expect(text).toContain(`Remaining due ${formatMoney(subtotal + tax - 500_00, 'USD')}`);
    // The figures are large enough that the separators are exercised.
    expect(formatMoney(subtotal + tax, 'USD')).toMatch(/^\d{1,3}(,\d{3})+\.\d{2} USD$/);
  });

  it('puts the totals and the figures box after the last line', async () => {
    const last = pages[pages.length - 1];
    expect(last).toContain('Line item 120');
    expect(last.indexOf('Subtotal')).toBeGreaterThan(last.indexOf('Line item 120'));
    expect(last.indexOf('Account summary')).toBeGreaterThan(last.indexOf('Remaining due'));
  });
});
