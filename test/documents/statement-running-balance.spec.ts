import { formatMoney } from '../../src/common/money';
import type { StatementDocument } from '../../src/documents/document-types';
import { renderStatementPdf } from '../../src/documents/statement.pdf';
import { account, company, figures } from './document-fixtures';
import { PdfScratch, squeeze } from './pdf-text';

type Entry = Pick<StatementDocument['activity'][number], 'date' | 'kind' | 'description' | 'amount'>;

function statementFrom(priorBalance: number, entries: Entry[], since: string | null): StatementDocument {
  let balance = priorBalance;
  const activity = entries.map((entry) => ({ ...entry, balance: (balance += entry.amount) }));
  return {
    currency: 'USD',
    company,
    account,
    statement: { date: '2025-04-01', dueDate: '2025-04-21', since },
    priorBalance,
    activity,
    closingBalance: balance,
    message: 'Autopay runs five days before the due date.',
    figures,
  };
}

describe('a statement of the activity since the previous one', () => {
  const scratch = new PdfScratch();
  afterAll(() => scratch.close());

  const entries: Entry[] = [
    { date: '2025-03-03', kind: 'payment', description: 'Payment by check 1042', amount: -1_250_00 },
    { date: '2025-03-10', kind: 'adjustment', description: 'Outage credit', amount: -33_33 },
    { date: '2025-03-15', kind: 'void', description: 'Check 1042 returned', amount: 1_250_00 },
    { date: '2025-04-01', kind: 'debit', description: 'Business Fiber 1 Gbps, April', amount: 12_345_67 },
    { date: '2025-04-01', kind: 'discount', description: 'Loyalty discount', amount: -1_000_00 },
  ];
  const doc = statementFrom(1_250_00, entries, '2025-03-01');

  it('shows the prior balance, every entry with its running balance, and the closing balance', async () => {
    const pages = await scratch.pages(await renderStatementPdf(doc));
    const text = squeeze(pages.join('\n'));
    expect(pages).toHaveLength(1);
    expect(text).toContain('Page 1 of 1');
    expect(text).toContain('STATEMENT');
    expect(text).toContain('Statement date 2025-04-01');
    expect(text).toContain('Due date 2025-04-21');
    expect(text).toContain('Activity since 2025-03-01');
    expect(text).toContain('2025-03-01 Balance from previous statement 1,250.00');
    expect(text).toContain('2025-03-03 Payment Payment by check 1042 -1,250.00 0.00');
    expect(text).toContain('2025-03-10 Adjustment Outage credit -33.33 -33.33');
    expect(text).toContain('2025-03-15 Void Check 1042 returned 1,250.00 1,216.67');
    expect(text).toContain('2025-04-01 Charge Business Fiber 1 Gbps, April 12,345.67 13,562.34');
    expect(text).toContain('2025-04-01 Discount Loyalty discount -1,000.00 12,562.34');

    const closing = 1_250_00 + entries.reduce((sum, entry) => sum + entry.amount, 0);
    expect(doc.closingBalance).toBe(closing);
    expect(text).toContain(`Prior balance ${formatMoney(1_250_00, 'USD')}`);
    expect(text).toContain('Charges and debits 13,595.67 USD');
    expect(text).toContain('Payments and credits -2,283.33 USD');
    expect(text).toContain(`Closing balance ${formatMoney(closing, 'USD')}`);
    expect(text).toContain('Closing balance 12,562.34 USD');
    expect(text).toContain(doc.message);
    expect(text).toContain('Due now 1,234,567.89 USD');
    expect(text).toContain('Next recurring charge 79.99 USD');
  });

  it('calls the first statement an opening balance', async () => {
    const text = squeeze((await scratch.pages(await renderStatementPdf(statementFrom(0, entries.slice(3), null)))).join('\n'));
    expect(text).toContain('Activity since first statement');
    expect(text).toContain('Opening balance 0.00');
    expect(text).toContain('Closing balance 11,345.67 USD');
  });

  it('carries a long activity list over pages with numbered pages', async () => {
    const many: Entry[] = Array.from({ length: 90 }, (_, i) => ({
      date: '2025-03-20',
      kind: i % 2 ? 'payment' : 'debit',
      description: `Entry ${i + 1}`,
      amount: i % 2 ? -10_00 : 1_010_00,
    }));
    const long = statementFrom(0, many, '2025-03-01');
    const pages = await scratch.pages(await renderStatementPdf(long));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    const withEntries = pages.filter((page) => /Entry \d+/.test(page));
    expect(withEntries.length).toBeGreaterThan(1);
    for (const page of withEntries) expect(squeeze(page)).toContain('Date Type Description Amount (USD) Balance (USD)');
    expect([...pages.join('\n').matchAll(/Entry (\d+)/g)].map((m) => Number(m[1]))).toEqual(many.map((_, i) => i + 1));
    expect(squeeze(pages.join('\n'))).toContain(`Closing balance ${formatMoney(45 * 1_000_00, 'USD')}`);
  });
});
