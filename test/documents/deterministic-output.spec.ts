import { Test } from '@nestjs/testing';
import { DocumentRenderer } from '../../src/documents/document-renderer';
import { DocumentsModule } from '../../src/documents/documents.module';
import { invoiceFrom } from './document-fixtures';

describe('rendering the same document twice', () => {
  const doc = invoiceFrom([{ date: '2025-03-01', description: 'Residential Fiber', quantity: 1, amount: 59_99, taxes: [] }]);

  it('gives the same bytes, dated from the document rather than the clock', async () => {
    const module = await Test.createTestingModule({ imports: [DocumentsModule] }).compile();
    const sut = module.get(DocumentRenderer);
    const first = await sut.invoice(doc);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await sut.invoice(doc);
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(second.equals(first)).toBe(true);
    // The info dictionary is not compressed: its creation and modification dates are the invoice date.
    expect(first.toString('latin1').match(/\(D:\d{14}Z\)/g)).toEqual(['(D:20250301000000Z)', '(D:20250301000000Z)']);
    await module.close();
  });

  it('refuses a date that is not a calendar date', async () => {
    await expect(new DocumentRenderer().invoice({ ...doc, invoice: { ...doc.invoice, date: '2025-02-30' } })).rejects.toThrow(RangeError);
  });
});
