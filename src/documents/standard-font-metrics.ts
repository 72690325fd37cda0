import PDFDocument from 'pdfkit';

type AfmFont = ParsedMetrics & { kernTable?: KernTable; [key: string]: unknown };

interface AfmFontClass {
  prototype: {
    parse: (this: AfmFont, contents: string) => void;
    getKernPair: (this: AfmFont, left: string, right: string | undefined) => number;
  };
}

/** Kerning by left glyph, then right glyph. */
type KernTable = Map<string, Map<string, number>>;

interface ParsedMetrics {
  attributes: Record<string, unknown>;
  glyphWidths: Record<string, number>;
  boundingBoxes: Record<string, unknown>;
  kernPairs: Record<string, number>;
  kernTable: KernTable;
}

/** pdfkit keys its pairs as `left + '\0' + right`. */
function kernTableOf(kernPairs: Record<string, number>): KernTable {
  const table: KernTable = new Map();
  for (const [pair, amount] of Object.entries(kernPairs)) {
    const [left, right] = pair.split('\0');
    let rights = table.get(left);
    if (!rights) table.set(left, (rights = new Map()));
    rights.set(right, amount);
  }
  return table;
}

let shared = false;

/**
 * pdfkit reads and parses the metrics file of each standard font (Helvetica's holds some
 * three thousand widths and kerning pairs) for every document that uses it: about half the
 * time of rendering one invoice. The files never change and the parsed tables are only read
 * afterwards, so each is parsed once per process and its tables shared by every document.
 *
 * pdfkit also looks up the kerning of every pair of letters it measures by joining the two
 * glyph names into a new string key, which took a quarter of an invoice's drawing time; the
 * shared tables answer it from a map of maps instead, with the same amounts.
 *
 * Should a pdfkit release stop looking like this (no metrics object behind a standard
 * font), nothing is changed and documents render as before, only slower.
 */
export function shareStandardFontMetrics(): void {
  if (shared) return;
  shared = true;
  const probe = new PDFDocument({ autoFirstPage: false });
  probe.font('Helvetica');
  const metrics = (probe as unknown as { _font?: { font?: { constructor: AfmFontClass } } })._font?.font;
  const AfmFont = metrics?.constructor;
  if (typeof AfmFont?.prototype?.parse !== 'function' || typeof AfmFont.prototype.getKernPair !== 'function') return;
  const parse = AfmFont.prototype.parse;
  const parsed = new Map<string, ParsedMetrics>();
  AfmFont.prototype.parse = function (contents: string) {
    const known = parsed.get(contents);
    if (known) {
      Object.assign(this, known);
      return;
    }
    parse.call(this, contents);
    this.kernTable = kernTableOf(this.kernPairs);
    parsed.set(contents, {
      attributes: this.attributes,
      glyphWidths: this.glyphWidths,
      boundingBoxes: this.boundingBoxes,
      kernPairs: this.kernPairs,
      kernTable: this.kernTable,
    });
  };
  const getKernPair = AfmFont.prototype.getKernPair;
  AfmFont.prototype.getKernPair = function (left, right) {
    if (!this.kernTable) return getKernPair.call(this, left, right);
    return (right === undefined ? undefined : this.kernTable.get(left)?.get(right)) ?? 0;
  };
}
