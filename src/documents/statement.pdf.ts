import { formatMoney } from '../common/money';
import { DocumentLayout, figuresPairs, figuresTitle, printableDocument, type TableRow } from './document-layout';
import type { StatementActivityKind, StatementDocument } from './document-types';

const KIND_LABELS: Record<StatementActivityKind, string> = {
  debit: 'Charge',
  discount: 'Discount',
  payment: 'Payment',
  adjustment: 'Adjustment',
  void: 'Void',
};

export async function renderStatementPdf(data: StatementDocument): Promise<Buffer> {
  const doc = printableDocument(data);
  const { statement, currency } = doc;
  const money = (cents: number) => formatMoney(cents, currency);
  const layout = new DocumentLayout({
    title: `Statement ${statement.date}`,
    subject: `Statement for account ${doc.account.id}`,
    company: doc.company,
    date: statement.date,
  });

  layout.header(
    'STATEMENT',
    [
      { label: 'Statement date', value: statement.date },
      { label: 'Due date', value: statement.dueDate },
      { label: 'Activity since', value: statement.since ?? 'first statement' },
      { label: 'Account', value: String(doc.account.id) },
    ],
    'Statement for',
    doc.account,
  );

  layout.heading(statement.since ? `Activity since ${statement.since}` : 'Activity');
  const opening: TableRow = {
    cells: [
      statement.since ?? '',
      '',
      statement.since ? 'Balance from previous statement' : 'Opening balance',
      '',
      formatMoney(doc.priorBalance),
    ],
    style: 'strong',
  };
  const rows: TableRow[][] = doc.activity.map((entry) => [
    { cells: [entry.date, KIND_LABELS[entry.kind], entry.description, formatMoney(entry.amount), formatMoney(entry.balance)] },
  ]);
  if (rows.length === 0) rows.push([{ cells: ['', '', 'No activity since the previous statement.', '', ''] }]);
  layout.table(
    [
      { header: 'Date', weight: 14 },
      { header: 'Type', weight: 13 },
      { header: 'Description', weight: 39 },
      { header: `Amount (${currency})`, weight: 17, align: 'right' },
      { header: `Balance (${currency})`, weight: 17, align: 'right' },
    ],
    [[opening], ...rows],
  );

  // Signed amounts: what raised the balance and what lowered it, so prior + both = closing.
  const raised = doc.activity.reduce((sum, entry) => sum + Math.max(entry.amount, 0), 0);
  const lowered = doc.activity.reduce((sum, entry) => sum + Math.min(entry.amount, 0), 0);
  layout.ensureSpace(80);
  layout.pairs(
    [
      { label: 'Prior balance', value: money(doc.priorBalance) },
      { label: 'Charges and debits', value: money(raised) },
      { label: 'Payments and credits', value: money(lowered) },
      { label: 'Closing balance', value: money(doc.closingBalance), strong: true },
      { label: 'Due date', value: statement.dueDate },
    ],
    layout.rightColumn,
  );
  layout.gap(14);

  if (doc.message) {
    layout.heading('Message', 20);
    layout.paragraph(doc.message);
  }

  layout.box(figuresTitle(doc.figures), figuresPairs(doc.figures, currency), { x: layout.left, width: layout.rightColumn.width });
  return layout.finish();
}
