import { createInterface } from 'node:readline';
import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';

/** A file's text: a stream (a file being read, an upload), chunks, or the whole text. */
export type CsvInput = Readable | Iterable<string | Buffer> | AsyncIterable<string | Buffer> | string;

/** One line of the file: its fields, or (fields null) why it could not be read. */
export interface CsvLine {
  /** 1 for the file's first line; blank lines are skipped but counted. */
  line: number;
  raw: string;
  fields: string[] | null;
  problem: string | null;
}

// Lines go to the parser in chunks of about this size: one write per line costs more than the parsing.
const BATCH_CHARACTERS = 64 * 1024;

// A line of comma-separated fields, each bare (no quote, no comma) or quoted with inner quotes doubled.
const WELL_FORMED = /^(?:[^",]*|"(?:[^"]|"")*")(?:,(?:[^",]*|"(?:[^"]|"")*"))*$/;

/**
 * Reads a CSV file line by line, streaming, so a million-line file is never held whole. Each
 * non-blank line comes back exactly once, in order, either as its fields or as a problem.
 *
 * Switches write one call per line and never a line break inside a field, so a line is checked to
 * be a well-formed CSV record before the parser sees it. A broken line (a quote left open, a
 * quote inside a bare field) is reported on its own; the parser never starts a quoted field on it
 * that would swallow the lines after, which is how CSV parsers recover from such lines otherwise.
 */
export async function* csvLines(input: CsvInput): AsyncGenerator<CsvLine> {
  // Lines fed to the parser and not yet given back, from `head` on; the taken ones are cut off now and then.
  let waiting: { line: number; raw: string; problem: string | null }[] = [];
  let head = 0;
  async function* feed(): AsyncGenerator<string> {
    let line = 0;
    let batch = '';
    for await (const text of createInterface({ input: toReadable(input), crlfDelay: Infinity })) {
      line++;
      const raw = line === 1 ? text.replace(/^\uFEFF/, '') : text;
      if (raw.trim() === '') continue;
      const problem = WELL_FORMED.test(raw) ? null : quoteProblem(raw);
      waiting.push({ line, raw, problem });
      // A broken line reaches the parser as an empty one, so every line fed gives back one record, in order.
      batch += problem ? '\n' : `${raw}\n`;
      if (batch.length >= BATCH_CHARACTERS) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  }
  const records: AsyncIterable<string[]> = pipeline(
    Readable.from(feed()),
    parse({ relax_column_count: true, record_delimiter: '\n' }),
    () => {},
  );
  for await (const fields of records) {
    const { line, raw, problem } = waiting[head++];
    if (head >= 4096) {
      waiting = waiting.slice(head);
      head = 0;
    }
    yield problem ? { line, raw, fields: null, problem } : { line, raw, fields, problem: null };
  }
}

function toReadable(input: CsvInput): Readable {
  if (input instanceof Readable) return input;
  return typeof input === 'string' ? Readable.from([input]) : Readable.from(input);
}

function quoteProblem(raw: string): string {
  return (raw.match(/"/g)?.length ?? 0) % 2 === 1
    ? 'a quoted field is not closed on this line'
    : 'a quote is out of place: inside a bare field, or text after a closing quote';
}
