import { formatMoney } from '../common/money';
import { DocumentLayout, figuresPairs, figuresTitle, printableDocument, type Pair } from './document-layout';
import type { ReceiptDocument } from './document-types';

const METHOD_LABELS: Record<string, string> = { cash: 'Cash', check: 'Check', wire: 'Wire transfer' };

function methodLabel(method: string): string {
  const label = METHOD_LABELS[method] ?? method.replace(/_/g, ' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export async function renderReceiptPdf(data: ReceiptDocument): Promise<Buffer> {
  const doc = printableDocument(data);
  const { payment, currency } = doc;
  const money = (cents: number) => formatMoney(cents, currency);
  const layout = new DocumentLayout({
    title: `Receipt ${payment.id}`,
    subject: `Payment receipt for account ${doc.account.id}`,
    company: doc.company,
    date: payment.date,
  });

  layout.header(
    'RECEIPT',
    [
      { label: 'Receipt number', value: String(payment.id) },
      { label: 'Payment date', value: payment.date },
      { label: 'Account', value: String(doc.account.id) },
    ],
    'Received from',
    doc.account,
  );

  layout.heading('Payment');
  const details: Pair[] = [
    { label: 'Method', value: methodLabel(payment.method) },
    ...(payment.reference ? [{ label: 'Reference', value: payment.reference }] : []),
    { label: 'Amount received', value: money(payment.amount), strong: true },
  ];
  layout.pairs(details, { x: layout.left, width: layout.rightColumn.width });
  layout.gap(14);

  layout.heading('Applied to');
  if (doc.appliedTo.length === 0) {
    layout.paragraph('This payment has not been applied to an invoice.');
  } else {
    layout.table(
      [
        { header: 'Invoice', weight: 60 },
        { header: `Amount applied (${currency})`, weight: 40, align: 'right' },
      ],
      doc.appliedTo.map((application) => [{ cells: [application.invoiceNumber, formatMoney(application.amount)] }]),
    );
  }

  const applied = doc.appliedTo.reduce((sum, application) => sum + application.amount, 0);
  layout.ensureSpace(40);
  layout.pairs(
    [
      { label: 'Applied to invoices', value: money(applied) },
      { label: 'Left unapplied', value: money(doc.unapplied), strong: true },
    ],
    layout.rightColumn,
  );
  layout.gap(14);
  // What the account owes and holds comes from the account's figures, never from a running balance by date:
  // charges dated after the payment (an invoice for next month) would make that balance look like a credit.
  layout.box(figuresTitle(doc.figures), figuresPairs(doc.figures, currency), { x: layout.left, width: layout.rightColumn.width });
  return layout.finish();
}
