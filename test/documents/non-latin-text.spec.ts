import { printableText } from '../../src/documents/document-layout';
import { renderReceiptPdf } from '../../src/documents/receipt.pdf';
import { account, company, figures } from './document-fixtures';
import { PdfScratch, squeeze } from './pdf-text';

describe('text the standard PDF fonts cannot show', () => {
  const scratch = new PdfScratch();
  afterAll(() => scratch.close());

  it('keeps Latin-1 and typographic marks, strips accents it cannot show, and marks the rest with "?"', () => {
    expect(printableText('Café Zürich — “Straße” €5 …')).toBe('Café Zürich — “Straße” €5 …');
    expect(printableText('Łódź Kraków')).toBe('Lódz Kraków');
    expect(printableText('東京 😀\tend')).toBe('?? ? end');
  });

  it('prints a readable account name on the receipt instead of stray glyphs', async () => {
    const pdf = await renderReceiptPdf({
      currency: 'EUR',
      company,
      account: { ...account, name: 'Łódź Café Zürich 東京' },
      payment: { id: 8, date: '2025-01-02', method: 'bank_transfer', reference: null, amount: 10_00 },
      appliedTo: [],
      unapplied: 10_00,
      figures,
    });
    const text = squeeze((await scratch.pages(pdf)).join('\n'));
    expect(text).toContain('Lódz Café Zürich ??');
    expect(text).toContain('Method Bank transfer');
    expect(text).toContain('Amount received 10.00 EUR');
  });
});
