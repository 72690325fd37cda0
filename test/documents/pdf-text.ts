import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** PDFTOTEXT_PATH names the binary; otherwise pdftotext from PATH (Debian's poppler-utils). */
const PDFTOTEXT = process.env.PDFTOTEXT_PATH ?? 'pdftotext';
/** pdfsig comes in the same package, beside pdftotext. */
const PDFSIG = process.env.PDFSIG_PATH ?? (isAbsolute(PDFTOTEXT) ? join(dirname(PDFTOTEXT), 'pdfsig') : 'pdfsig');

/** A folder of rendered PDFs for one test file, removed by `close`. */
export class PdfScratch {
  private readonly dir = mkdtempSync(join(process.env.TEST_SCRATCH_DIR ?? tmpdir(), 'documents-'));
  private count = 0;

  /** Writes the PDF and returns what `pdftotext -layout` reads from it, one string per page. */
  async pages(pdf: Buffer): Promise<string[]> {
    const text = await this.extract(pdf, ['-layout']);
    // pdftotext ends every page with a form feed.
    return text.split('\f').slice(0, -1);
  }

  /** The PDF's Title as pdftotext reports it in its HTML metadata mode. */
  async title(pdf: Buffer): Promise<string | null> {
    const html = await this.extract(pdf, ['-htmlmeta', '-l', '1']);
    return /<title>(.*)<\/title>/.exec(html)?.[1] ?? null;
  }

  /** What `pdfsig` (poppler) says of the PDF's signatures; it exits non-zero for a file it finds altered, so both outputs are kept. */
  async signatures(pdf: Buffer): Promise<string> {
    const file = join(this.dir, `signed-${++this.count}.pdf`);
    writeFileSync(file, pdf);
    try {
      const { stdout, stderr } = await run(PDFSIG, [file], { encoding: 'utf8' });
      return stdout + stderr;
    } catch (err) {
      const failed = err as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
      if (failed.code === 'ENOENT') throw new Error(`pdfsig not found: install poppler-utils or set PDFSIG_PATH (tried "${PDFSIG}")`);
      return (failed.stdout ?? '') + (failed.stderr ?? '');
    }
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async extract(pdf: Buffer, options: string[]): Promise<string> {
    const file = join(this.dir, `document-${++this.count}.pdf`);
    writeFileSync(file, pdf);
    try {
      const { stdout } = await run(PDFTOTEXT, [...options, file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      return stdout;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error(`pdftotext not found: install poppler-utils or set PDFTOTEXT_PATH (tried "${PDFTOTEXT}")`);
      }
      throw err;
    }
  }
}

/** "1,234.56" or "-25.00" back to cents, so a test can add up what the PDF shows. */
export function centsFromText(text: string): number {
  const match = /^(-?)([\d,]+)\.(\d{2})$/.exec(text);
  if (!match) throw new Error(`not a formatted amount: "${text}"`);
  const cents = Number(match[2].replace(/,/g, '')) * 100 + Number(match[3]);
  return match[1] ? -cents : cents;
}

/** Collapses the runs of spaces pdftotext uses to lay out columns, so "Label      value" reads "Label value". */
export function squeeze(text: string): string {
  return text.replace(/[ \t]+/g, ' ');
}
