import type { CallDetailDoc, InvoiceLineDoc } from '../../src/documents/document-types';
import { callChargeText, clockText, phoneText, renderInvoicePdf } from '../../src/documents/invoice.pdf';
import { invoiceFrom } from '../documents/document-fixtures';
import { PdfScratch, squeeze } from '../documents/pdf-text';

/** 400 calls, one a minute from 08:00 on 3 March, every fifth inbound, durations and charges varied. */
function calls(): CallDetailDoc[] {
  return Array.from({ length: 400 }, (_, i) => {
    const n = i + 1;
    const at = new Date(Date.UTC(2025, 2, 3, 8, i));
    const inbound = n % 5 === 0;
    const billed = 30 + (n % 7) * 6;
    const included = n <= 40 ? billed : 0;
    return {
      startedAt: at.toISOString().replace('T', ' ').slice(0, 19),
      from: inbound ? `4477009${String(n).padStart(5, '0')}` : '12125550199',
      to: inbound ? '12125550199' : `1415555${String(n).padStart(4, '0')}`,
      direction: inbound ? 'inbound' : 'outbound',
      billedSeconds: billed,
      includedSeconds: included,
      chargeMicroSeconds: String((billed - included) * 4_500),
    };
  });
}

describe('an invoice whose voice line charges 400 calls', () => {
  const scratch = new PdfScratch();
  afterAll(() => scratch.close());

  const detail = calls();
  const voice: InvoiceLineDoc = {
    date: '2025-04-01',
    // Billed 400 × 30 + 6 × Σ(n mod 7) = 12,000 + 7,188 = 19,188 s; the first 40 calls' 1,920 s included;
    // (19,188 − 1,920) × 4,500 = 77,706,000 µ·s = 129.51 ¢ → 1.30, taxed 6.25 % → 8 ¢.
    description: 'Home Phone calls: 400 calls, 319 min 48 s, 32 min included (2025-03-01 to 2025-03-31)',
    quantity: 400,
    amount: 1_30,
    taxes: [{ name: 'State sales tax', rateE4: 62_500, amount: 8 }],
    calls: detail,
  };
  const fee: InvoiceLineDoc = {
    date: '2025-04-01',
    description: 'Home Phone (2025-04-01 to 2025-04-30)',
    quantity: 1,
    amount: 20_00,
    taxes: [],
  };
  let pages: string[];
  beforeAll(async () => {
    pages = (await scratch.pages(await renderInvoicePdf(invoiceFrom([fee, voice])))).map(squeeze);
  });

  it('runs the call detail over several pages after the charges, each with the header row again', async () => {
    expect(pages.length).toBeGreaterThan(4);
    const first = pages.findIndex((page) => page.includes('Call detail: Home Phone calls: 400 calls'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(pages[first].indexOf('Call detail')).toBeGreaterThan(pages[first].indexOf('Remaining due'));
    for (const page of pages.slice(first)) expect(page).toContain('Started (UTC) From To Direction Billed Included Charge (USD)');
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('prints every call once, in order, with its figures', async () => {
    const text = pages.join('\n');
    const printed = [
      ...text.matchAll(/^ ?(2025-03-0\d \d\d:\d\d:\d\d) (\S+) (\S+) (Inbound|Outbound) (\d+:\d\d) (\d+:\d\d) ([\d,]+\.\d+)\s*$/gm),
    ].map((m) => m.slice(1));
    expect(printed).toEqual(
      detail.map((c) => [
        c.startedAt,
        phoneText(c.from),
        phoneText(c.to),
        c.direction === 'inbound' ? 'Inbound' : 'Outbound',
        clockText(c.billedSeconds),
        clockText(c.includedSeconds),
        callChargeText(c.chargeMicroSeconds),
      ]),
    );
  });

  it('keeps the line itself in whole cents, and the totals its sums', async () => {
    const text = pages.join('\n');
    expect(text).toMatch(/Home Phone calls: 400 calls, 319 min 48 s, 32 min included 400 1\.30/);
    expect(text).toContain('Subtotal 21.30 USD');
    expect(text).toContain('Total 21.38 USD');
  });
});

describe('a call charge as the call detail prints it', () => {
  it.each([
    ['0', '0.00'],
    // 42 s at 4,500 µ/min: 189,000 µ·s = 3,150 micro-units.
    ['189000', '0.00315'],
    // 1,137,500 µ·s = 18,958.33 micro-units, half-up at the micro-unit.
    ['1137500', '0.018958'],
    // 30 s at 1,000,000 µ/min (1.00 a minute): exactly 0.50.
    ['30000000', '0.50'],
    // 30 micro-unit-seconds is half a micro-unit: rounds up.
    ['30', '0.000001'],
    ['29', '0.00'],
    ['60000000000000', '1,000,000.00'],
  ])('%s micro-unit-seconds as %s', async (micro, text) => {
    expect(callChargeText(micro)).toBe(text);
  });

  it('writes numbers with their + and durations as minutes and seconds', async () => {
    expect([phoneText('12125550199'), phoneText('1001'), phoneText('')]).toEqual(['+12125550199', '1001', 'withheld']);
    expect([clockText(0), clockText(59), clockText(125), clockText(3600)]).toEqual(['0:00', '0:59', '2:05', '60:00']);
  });
});
