import PDFDocument from 'pdfkit';

interface AfmFontClass {
  prototype: { parse: (this: ParsedMetrics & { [key: string]: unknown }, contents: string) => void };
}

interface ParsedMetrics {
  attributes: Record<string, unknown>;
  glyphWidths: Record<string, number>;
  boundingBoxes: Record<string, unknown>;
  kernPairs: Record<string, number>;
}

let shared = false;

/**
 * pdfkit reads and parses the metrics file of each standard font (Helvetica's holds some
 * three thousand widths and kerning pairs) for every document that uses it: about half the
 * time of rendering one invoice. The files never change and the parsed tables are only read
 * afterwards, so each is parsed once per process and its tables shared by every document.
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
  if (typeof AfmFont?.prototype?.parse !== 'function') return;
  const parse = AfmFont.prototype.parse;
  const parsed = new Map<string, ParsedMetrics>();
  AfmFont.prototype.parse = function (contents: string) {
    const known = parsed.get(contents);
    if (known) {
      Object.assign(this, known);
      return;
    }
    parse.call(this, contents);
    parsed.set(contents, {
      attributes: this.attributes,
      glyphWidths: this.glyphWidths,
      boundingBoxes: this.boundingBoxes,
      kernPairs: this.kernPairs,
    });
  };
}
