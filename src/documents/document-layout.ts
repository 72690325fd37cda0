import PDFDocument from 'pdfkit';
import { formatMoney } from '../common/money';
import type { BillingFiguresDoc, DocumentAccount, DocumentCompany } from './document-types';
import { shareStandardFontMetrics } from './standard-font-metrics';

shareStandardFontMetrics();

const MARGIN = 50;
/** Room kept under the content for the page footer. */
const FOOTER_SPACE = 30;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 3;
const DETAIL_INDENT = 12;

const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const INK = '#1a1a1a';
const MUTED = '#666666';
const RULE = '#c8c8c8';
const SHADE = '#eeeeee';
export const ALERT = '#b00020';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A ledger date as midnight UTC, so the PDF's dates (and the file id derived from them) repeat byte for byte. */
export function pdfDate(date: string): Date {
  const value = new Date(`${date}T00:00:00Z`);
  if (!ISO_DATE.test(date) || Number.isNaN(value.getTime()) || value.toISOString().slice(0, 10) !== date) {
    throw new RangeError(`a document date must be a calendar date YYYY-MM-DD, got "${date}"`);
  }
  return value;
}

/** rateE4 is percent × 10 000: 82 500 → "8.25%". Integer arithmetic, so no float ever prints 8.250000001. */
export function formatRate(rateE4: number): string {
  if (!Number.isSafeInteger(rateE4)) throw new RangeError(`a tax rate must be an integer rateE4, got ${rateE4}`);
  const abs = Math.abs(rateE4);
  const fraction = String(abs % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return `${rateE4 < 0 ? '-' : ''}${Math.floor(abs / 10_000)}${fraction ? `.${fraction}` : ''}%`;
}

/** What the standard PDF fonts can print: Windows-1252 (Latin-1 plus a few typographic marks). */
const WIN_ANSI =
  /^[\n\x20-\x7e\xa0-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]*$/;

/** Letters with a stroke rather than an accent, which Unicode does not decompose. */
const UNDECOMPOSABLE: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't' };

/**
 * The documents use the standard PDF fonts, which cannot show every script; pdfkit would print
 * garbage for the rest. Accented letters fall back to their base letter, anything else to "?".
 */
export function printableText(text: string): string {
  return Array.from(text.normalize('NFC'), (char) => {
    if (WIN_ANSI.test(char)) return char;
    if (char === '\t' || char === '\r') return ' ';
    const base = (UNDECOMPOSABLE[char] ?? char).normalize('NFKD').replace(/\p{M}/gu, '');
    return base && WIN_ANSI.test(base) ? base : '?';
  }).join('');
}

/** Every string of a document made printable, so measuring and drawing see the same text. */
export function printableDocument<T>(value: T): T {
  if (typeof value === 'string') return printableText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => printableDocument(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, printableDocument(item)])) as T;
  }
  return value;
}

export interface LayoutOptions {
  /** The PDF's Title, also printed in every page footer. */
  title: string;
  subject: string;
  company: DocumentCompany;
  /** The document's own date: it becomes the PDF's creation date. */
  date: string;
}

export interface TableColumn {
  header: string;
  /** Share of the content width. */
  weight: number;
  align?: 'left' | 'right';
}

export interface TableRow {
  cells: string[];
  /** detail: a smaller, indented, muted row that belongs to the row above it (a tax under its line). */
  style?: 'normal' | 'detail' | 'strong';
}

export interface Pair {
  label: string;
  value: string;
  strong?: boolean;
}

/** The figures box shared by invoices and statements: where the account stands as a whole. */
export function figuresPairs(figures: BillingFiguresDoc, currency: string): Pair[] {
  return [
    { label: 'Due now', value: formatMoney(figures.dueNow, currency), strong: true },
    { label: 'Balance due', value: formatMoney(figures.balanceDue, currency) },
    { label: 'Available credits', value: formatMoney(figures.availableCredits, currency) },
    { label: 'Total balance', value: formatMoney(figures.totalBalance, currency) },
    { label: 'Next recurring charge', value: formatMoney(figures.nextRecurringCharge, currency) },
    ...(figures.nextBillingDate ? [{ label: 'Next billing date', value: figures.nextBillingDate }] : []),
  ];
}

/** The account summary box's title: the figures are the account's on the day printed, which the title says. */
export function figuresTitle(figures: BillingFiguresDoc): string {
  return `Account summary on ${figures.asOf}`;
}

interface Box {
  x: number;
  width: number;
}

/**
 * The page furniture the three documents share: letterhead, account block, tables that
 * carry on over pages under a repeated header row, label/value blocks, and the page
 * numbers, which are written last because "of M" is only known once the content is laid out.
 */
export class DocumentLayout {
  readonly pdf: PDFKit.PDFDocument;
  /** Where the next block starts; every drawing method moves it down. */
  y = MARGIN;
  private readonly done: Promise<Buffer>;

  constructor(private readonly options: LayoutOptions) {
    const created = pdfDate(options.date);
    this.pdf = new PDFDocument({
      size: 'LETTER',
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
      bufferPages: true,
      lang: 'en',
      displayTitle: true,
      info: {
        Title: options.title,
        Subject: options.subject,
        Author: options.company.name,
        Creator: 'Backhaul',
        CreationDate: created,
        ModDate: created,
      },
    });
    const chunks: Buffer[] = [];
    this.done = new Promise((resolve, reject) => {
      this.pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.pdf.on('end', () => resolve(Buffer.concat(chunks)));
      this.pdf.on('error', reject);
    });
  }

  get left(): number {
    return this.pdf.page.margins.left;
  }

  get width(): number {
    return this.pdf.page.width - this.pdf.page.margins.left - this.pdf.page.margins.right;
  }

  private get top(): number {
    return this.pdf.page.margins.top;
  }

  private get bottom(): number {
    return this.pdf.page.height - this.pdf.page.margins.bottom;
  }

  /** The right-hand column used for totals and letterhead details. */
  get rightColumn(): Box {
    const width = Math.round(this.width * 0.5);
    return { x: this.left + this.width - width, width };
  }

  newPage(): void {
    this.pdf.addPage();
    this.y = this.top;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensureSpace(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  gap(points: number): void {
    this.y += points;
  }

  /** Company letterhead on the left, the document's title and key facts on the right, then the account. */
  header(title: string, facts: Pair[], accountLabel: string, account: DocumentAccount): void {
    const { pdf } = this;
    const company = this.options.company;
    const leftWidth = this.width - this.rightColumn.width - 20;
    pdf.font(BOLD).fontSize(16).fillColor(INK).text(company.name, this.left, this.top, { width: leftWidth });
    pdf.font(REGULAR).fontSize(9).fillColor(MUTED);
    const contact = [...company.addressLines, company.email, company.phone].filter((line): line is string => Boolean(line));
    for (const line of contact) pdf.text(line, this.left, pdf.y, { width: leftWidth });
    const companyBottom = pdf.y;

    const right = this.rightColumn;
    pdf.font(BOLD).fontSize(20).fillColor(INK).text(title, right.x, this.top, { width: right.width, align: 'right' });
    this.y = pdf.y + 6;
    this.pairs(facts, right, 0.4);
    this.y = Math.max(this.y, companyBottom) + 18;

    pdf.font(BOLD).fontSize(8).fillColor(MUTED).text(accountLabel.toUpperCase(), this.left, this.y, { width: leftWidth });
    pdf
      .font(BOLD)
      .fontSize(11)
      .fillColor(INK)
      .text(account.name, this.left, pdf.y + 2, { width: leftWidth });
    pdf.font(REGULAR).fontSize(9).fillColor(INK);
    pdf.text(`Account ${account.id}`, this.left, pdf.y, { width: leftWidth });
    for (const line of account.addressLines) pdf.text(line, this.left, pdf.y, { width: leftWidth });
    this.y = pdf.y + 16;
  }

  heading(text: string, keepWith = 40): void {
    this.ensureSpace(20 + keepWith);
    this.pdf.font(BOLD).fontSize(11).fillColor(INK).text(text, this.left, this.y, { width: this.width });
    this.y = this.pdf.y + 4;
  }

  /** Free text that may run over several pages (pdfkit continues it on a new page by itself). */
  paragraph(text: string, options: { color?: string; size?: number } = {}): void {
    const { pdf } = this;
    pdf.font(REGULAR).fontSize(options.size ?? 9.5);
    this.ensureSpace(Math.min(pdf.heightOfString(text, { width: this.width }), 40));
    pdf.fillColor(options.color ?? INK).text(text, this.left, this.y, { width: this.width });
    this.y = pdf.y + 8;
  }

  private pairHeight(pair: Pair, box: Box, labelShare: number): number {
    const { pdf } = this;
    const labelWidth = box.width * labelShare;
    pdf.font(pair.strong ? BOLD : REGULAR).fontSize(pair.strong ? 10.5 : 9.5);
    return (
      Math.max(pdf.heightOfString(pair.label, { width: labelWidth }), pdf.heightOfString(pair.value, { width: box.width - labelWidth })) + 3
    );
  }

  /** Labels on the left of the box, values right-aligned; moves `y` below the block. */
  pairs(pairs: Pair[], box: Box = { x: this.left, width: this.width }, labelShare = 0.55): void {
    const { pdf } = this;
    const labelWidth = box.width * labelShare;
    for (const pair of pairs) {
      const height = this.pairHeight(pair, box, labelShare);
      this.ensureSpace(height);
      const font = pair.strong ? BOLD : REGULAR;
      const size = pair.strong ? 10.5 : 9.5;
      pdf
        .font(font)
        .fontSize(size)
        .fillColor(pair.strong ? INK : MUTED)
        .text(pair.label, box.x, this.y, { width: labelWidth });
      pdf
        .font(font)
        .fontSize(size)
        .fillColor(INK)
        .text(pair.value, box.x + labelWidth, this.y, { width: box.width - labelWidth, align: 'right' });
      this.y += height;
    }
  }

  /** Pairs inside a ruled box with a title, kept on one page. */
  box(title: string, pairs: Pair[], box: Box): void {
    const { pdf } = this;
    const pad = 8;
    const inner = { x: box.x + pad, width: box.width - 2 * pad };
    pdf.font(BOLD).fontSize(10);
    const titleHeight = pdf.heightOfString(title, { width: inner.width }) + 4;
    const height = pad + titleHeight + pairs.reduce((sum, pair) => sum + this.pairHeight(pair, inner, 0.55), 0) + pad;
    this.ensureSpace(height);
    const top = this.y;
    pdf.rect(box.x, top, box.width, height).lineWidth(0.75).strokeColor(RULE).stroke();
    pdf
      .font(BOLD)
      .fontSize(10)
      .fillColor(INK)
      .text(title, inner.x, top + pad, { width: inner.width });
    this.y = top + pad + titleHeight;
    this.pairs(pairs, inner);
    this.y = top + height + 12;
  }

  /** A framed notice across the page, such as the VOID marking. */
  banner(title: string, text: string, color: string): void {
    const { pdf } = this;
    const pad = 8;
    pdf.font(BOLD).fontSize(18);
    const titleHeight = pdf.heightOfString(title, { width: this.width - 2 * pad });
    pdf.font(REGULAR).fontSize(9.5);
    const textHeight = pdf.heightOfString(text, { width: this.width - 2 * pad });
    const height = pad + titleHeight + 2 + textHeight + pad;
    this.ensureSpace(height);
    const top = this.y;
    pdf.rect(this.left, top, this.width, height).lineWidth(1.5).strokeColor(color).stroke();
    pdf
      .font(BOLD)
      .fontSize(18)
      .fillColor(color)
      .text(title, this.left + pad, top + pad, { width: this.width - 2 * pad });
    pdf
      .font(REGULAR)
      .fontSize(9.5)
      .fillColor(color)
      .text(text, this.left + pad, pdf.y + 2, { width: this.width - 2 * pad });
    this.y = top + height + 14;
  }

  /**
   * A table whose rows come in groups kept on one page (a line with its taxes). When a group
   * does not fit, the table carries on on a new page under a repeated header row.
   */
  table(columns: TableColumn[], groups: TableRow[][]): void {
    const { pdf } = this;
    const totalWeight = columns.reduce((sum, column) => sum + column.weight, 0);
    const widths = columns.map((column) => (column.weight / totalWeight) * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((sum, w) => sum + w, 0));
    const header: TableRow = { cells: columns.map((column) => column.header), style: 'strong' };

    const fontOf = (row: TableRow): [string, number] =>
      row.style === 'strong' ? [BOLD, 8.5] : row.style === 'detail' ? [REGULAR, 8] : [REGULAR, 9];
    const indentOf = (row: TableRow, i: number) => (row.style === 'detail' && columns[i].align !== 'right' ? DETAIL_INDENT : 0);
    const heightOf = (row: TableRow): number => {
      const [font, size] = fontOf(row);
      pdf.font(font).fontSize(size);
      const heights = row.cells.map((cell, i) => pdf.heightOfString(cell || ' ', { width: widths[i] - 2 * CELL_PAD_X - indentOf(row, i) }));
      return Math.max(...heights) + 2 * CELL_PAD_Y;
    };
    const draw = (row: TableRow, shaded: boolean): void => {
      const height = heightOf(row);
      if (shaded) pdf.rect(this.left, this.y, this.width, height).fillColor(SHADE).fill();
      const [font, size] = fontOf(row);
      row.cells.forEach((cell, i) => {
        const indent = indentOf(row, i);
        pdf
          .font(font)
          .fontSize(size)
          .fillColor(row.style === 'detail' ? MUTED : INK)
          .text(cell, xs[i] + CELL_PAD_X + indent, this.y + CELL_PAD_Y, {
            width: widths[i] - 2 * CELL_PAD_X - indent,
            align: columns[i].align ?? 'left',
          });
      });
      this.y += height;
    };
    const rule = (): void => {
      pdf
        .moveTo(this.left, this.y)
        .lineTo(this.left + this.width, this.y)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
    };

    const headerHeight = heightOf(header);
    const pageRoom = this.bottom - this.top - headerHeight;
    const groupHeights = groups.map((group) => group.reduce((sum, row) => sum + heightOf(row), 0));
    this.ensureSpace(headerHeight + Math.min(groupHeights[0] ?? 0, pageRoom));
    draw(header, true);
    groups.forEach((group, g) => {
      if (this.y + groupHeights[g] > this.bottom && groupHeights[g] <= pageRoom) {
        this.newPage();
        draw(header, true);
      }
      for (const row of group) {
        if (this.y + heightOf(row) > this.bottom) {
          this.newPage();
          draw(header, true);
        }
        draw(row, false);
      }
      rule();
    });
    this.y += 10;
  }

  /**
   * Writes what every page carries (a running head after the first page, the footer with
   * "Page N of M", and whatever `decorate` adds), then closes the document.
   */
  finish(decorate?: (page: number) => void): Promise<Buffer> {
    const { pdf } = this;
    const range = pdf.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      pdf.switchToPage(range.start + i);
      // The footer sits below the content area; without this pdfkit would start a new page for it.
      const bottomMargin = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0;
      decorate?.(i);
      const footerY = pdf.page.height - MARGIN - 12;
      pdf
        .moveTo(this.left, footerY - 6)
        .lineTo(this.left + this.width, footerY - 6)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      pdf.font(REGULAR).fontSize(8).fillColor(MUTED);
      pdf.text(`${this.options.company.name} · ${this.options.title}`, this.left, footerY, { width: this.width * 0.7, lineBreak: false });
      pdf.text(`Page ${i + 1} of ${range.count}`, this.left + this.width * 0.7, footerY, {
        width: this.width * 0.3,
        align: 'right',
        lineBreak: false,
      });
      if (i > 0) {
        pdf.text(`${this.options.title} (continued)`, this.left, MARGIN - 24, { width: this.width, lineBreak: false });
      }
      pdf.page.margins.bottom = bottomMargin;
    }
    pdf.end();
    return this.done;
  }
}
