import { formatMoney } from '../common/money';
import {
  ALERT,
  DocumentLayout,
  figuresPairs,
  figuresTitle,
  formatRate,
  printableDocument,
  type Pair,
  type TableRow,
} from './document-layout';
import type { CallDetailDoc, InvoiceDocument, InvoiceLineDoc } from './document-types';

function servicePeriod(invoice: InvoiceDocument['invoice']): string | null {
  if (!invoice.periodStart || !invoice.periodEnd) return null;
  return `${invoice.periodStart} to ${invoice.periodEnd}`;
}

export async function renderInvoicePdf(data: InvoiceDocument): Promise<Buffer> {
  const doc = printableDocument(data);
  const { invoice, currency } = doc;
  const money = (cents: number) => formatMoney(cents, currency);
  const title = `Invoice ${invoice.number}${invoice.void ? ' (VOID)' : ''}`;
  const layout = new DocumentLayout({ title, subject: `Invoice for account ${doc.account.id}`, company: doc.company, date: invoice.date });

  const period = servicePeriod(invoice);
  layout.header(
    invoice.void ? 'INVOICE — VOID' : 'INVOICE',
    [
      { label: 'Invoice number', value: invoice.number },
      { label: 'Invoice date', value: invoice.date },
      { label: 'Due date', value: invoice.dueDate },
      ...(period ? [{ label: 'Service period', value: period }] : []),
      ...(invoice.months > 1 ? [{ label: 'Months billed', value: String(invoice.months) }] : []),
      { label: 'Account', value: String(doc.account.id) },
    ],
    'Bill to',
    doc.account,
  );
  if (invoice.void) {
    layout.banner('VOID', `Invoice ${invoice.number} has been voided. It is kept for the record and nothing on it is payable.`, ALERT);
  }

  layout.heading('Charges');
  const groups: TableRow[][] = doc.lines.map((line) => [
    { cells: [line.date, line.description, line.quantity === null ? '' : String(line.quantity), formatMoney(line.amount)] },
    ...line.taxes.map((tax): TableRow => ({
      cells: ['', `${tax.name} (${formatRate(tax.rateE4)})`, '', formatMoney(tax.amount)],
      style: 'detail',
    })),
  ]);
  if (groups.length === 0) groups.push([{ cells: ['', 'No charges on this invoice.', '', ''] }]);
  layout.table(
    [
      { header: 'Date', weight: 15 },
      { header: 'Description', weight: 53 },
      { header: 'Qty', weight: 9, align: 'right' },
      { header: `Amount (${currency})`, weight: 23, align: 'right' },
    ],
    groups,
  );

  const totals: Pair[] = [
    { label: 'Subtotal', value: money(doc.totals.subtotal) },
    { label: 'Tax', value: money(doc.totals.tax) },
    { label: 'Total', value: money(doc.totals.total), strong: true },
    { label: 'Paid', value: money(doc.totals.paid) },
    { label: 'Remaining due', value: money(doc.totals.remaining), strong: true },
  ];
  layout.ensureSpace(90);
  layout.pairs(totals, layout.rightColumn);
  layout.gap(14);

  if (doc.childInvoices.length > 0) {
    layout.heading('Child account invoices');
    layout.table(
      [
        { header: 'Invoice', weight: 25 },
        { header: 'Account', weight: 50 },
        { header: `Remaining (${currency})`, weight: 25, align: 'right' },
      ],
      doc.childInvoices.map((child) => [{ cells: [child.number, child.accountName, formatMoney(child.remaining)] }]),
    );
  }

  if (doc.message) {
    layout.heading('Message', 20);
    layout.paragraph(doc.message);
  }

  layout.box(figuresTitle(doc.figures), figuresPairs(doc.figures, currency), { x: layout.left, width: layout.rightColumn.width });

  for (const line of doc.lines) if (line.calls?.length) callDetail(layout, line, line.calls, currency);

  return layout.finish(invoice.void ? () => voidWatermark(layout) : undefined);
}

/**
 * The calls a voice line charges, one row each, after everything else on the invoice; a long list
 * runs on over as many pages as it needs under a repeated header. Each call's charge is printed
 * exact to the micro-unit, since calls are never rounded on their own; the line above them is the
 * sum rounded to cents once.
 */
function callDetail(layout: DocumentLayout, line: InvoiceLineDoc, calls: CallDetailDoc[], currency: string): void {
  layout.gap(10);
  layout.heading(`Call detail: ${line.description}`);
  layout.table(
    [
      { header: 'Started (UTC)', weight: 22 },
      { header: 'From', weight: 17 },
      { header: 'To', weight: 17 },
      { header: 'Direction', weight: 12 },
      { header: 'Billed', weight: 8, align: 'right' },
      { header: 'Included', weight: 9, align: 'right' },
      { header: `Charge (${currency})`, weight: 15, align: 'right' },
    ],
    calls.map((call) => [
      {
        cells: [
          call.startedAt,
          phoneText(call.from),
          phoneText(call.to),
          call.direction === 'inbound' ? 'Inbound' : 'Outbound',
          clockText(call.billedSeconds),
          clockText(call.includedSeconds),
          callChargeText(call.chargeMicroSeconds),
        ],
      },
    ]),
  );
}

/** E.164 digits with their +; an extension as the switch wrote it; nothing for a withheld caller. */
export function phoneText(number: string): string {
  if (!number) return 'withheld';
  return /^[1-9]\d{6,14}$/.test(number) ? `+${number}` : number;
}

/** 125 seconds as "2:05". */
export function clockText(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * A call's exact charge (micro-unit-seconds, as a decimal string) in the currency's unit, to the
 * micro-unit, rounded half-up there, with at least the two decimals of cents:
 * 189,000 is 3,150 micro-units, "0.00315"; 1,137,500 is 18,958.33, "0.018958".
 */
export function callChargeText(microSeconds: string): string {
  const micro = (BigInt(microSeconds) * 2n + 60n) / 120n;
  const whole = (micro / 1_000_000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (micro % 1_000_000n)
    .toString()
    .padStart(6, '0')
    .replace(/0{1,4}$/, '');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

/**
 * A pale diagonal VOID stamp on every page, so a printed page on its own still says it is void.
 * It is drawn as strokes rather than text so it stays out of the text layer that search and
 * text extraction read.
 */
function voidWatermark(layout: DocumentLayout): void {
  const { pdf } = layout;
  const letter = 80;
  const height = 130;
  const spacing = 28;
  const width = 4 * letter + 3 * spacing - 60;
  const x0 = (pdf.page.width - width) / 2;
  const y0 = (pdf.page.height - height) / 2;
  pdf.save();
  pdf.rotate(-35, { origin: [pdf.page.width / 2, pdf.page.height / 2] });
  pdf.lineWidth(16).lineJoin('round').lineCap('round').strokeColor(ALERT).strokeOpacity(0.14);
  let x = x0;
  pdf
    .moveTo(x, y0)
    .lineTo(x + letter / 2, y0 + height)
    .lineTo(x + letter, y0)
    .stroke();
  x += letter + spacing;
  pdf.ellipse(x + letter / 2, y0 + height / 2, letter / 2, height / 2).stroke();
  x += letter + spacing;
  pdf
    .moveTo(x + 10, y0)
    .lineTo(x + 10, y0 + height)
    .stroke();
  x += 20 + spacing;
  pdf
    .moveTo(x, y0)
    .lineTo(x, y0 + height)
    .lineTo(x + letter * 0.35, y0 + height)
    .bezierCurveTo(x + letter * 1.1, y0 + height, x + letter * 1.1, y0, x + letter * 0.35, y0)
    .closePath()
    .stroke();
  pdf.restore();
}
