import PDFDocument from 'pdfkit';
import { renderInvoicePdf } from '../../src/documents/invoice.pdf';
import { invoiceFrom } from './document-fixtures';

type Metrics = { kernPairs: object; glyphWidths: object };
const metricsOf = (Pdf: typeof PDFDocument, font: string): Metrics =>
  (new Pdf({ autoFirstPage: false }).font(font) as unknown as { _font: { font: Metrics } })._font.font;

/**
 * The standard fonts' metrics are parsed once per process and shared by every document
 * (standard-font-metrics.ts). What a document prints must not change for it.
 */
describe('standard font metrics shared between documents', () => {
  const doc = invoiceFrom([
    { date: '2025-03-01', description: 'Residential Fiber — AVATAR Wave', quantity: 1, amount: 59_99, taxes: [] },
    { date: '2025-03-01', description: 'Static IP (Tower 7, “VA” sector)', quantity: 2, amount: 10_00, taxes: [] },
  ]);

  it('gives every document the same tables instead of parsing them again', () => {
    // The documents' module shares them as it loads.
    expect(renderInvoicePdf).toBeInstanceOf(Function);
    for (const font of ['Helvetica', 'Helvetica-Bold']) {
      const [a, b] = [metricsOf(PDFDocument, font), metricsOf(PDFDocument, font)];
      expect(a.kernPairs).toBe(b.kernPairs);
      expect(a.glyphWidths).toBe(b.glyphWidths);
    }
  });

  it('renders the same bytes as pdfkit parsing the metrics itself', async () => {
    const shared = await renderInvoicePdf(doc);
    let ownPdf: typeof PDFDocument | undefined;
    let rendering: Promise<Buffer> | undefined;
    jest.isolateModules(() => {
      // A fresh pdfkit, and documents that leave it alone.
      jest.doMock('../../src/documents/standard-font-metrics', () => ({ shareStandardFontMetrics: () => undefined }));
      ownPdf = require('pdfkit') as typeof PDFDocument;
      rendering = (require('../../src/documents/invoice.pdf') as typeof import('../../src/documents/invoice.pdf')).renderInvoicePdf(doc);
    });
    const own = await rendering!;
    expect(metricsOf(ownPdf!, 'Helvetica').kernPairs).not.toBe(metricsOf(ownPdf!, 'Helvetica').kernPairs);
    expect(own.length).toBeGreaterThan(1000);
    expect(shared.equals(own)).toBe(true);
  });
});
