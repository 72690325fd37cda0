import { isDateInWindow } from '../common/calendar-date';
import { csvLines, type CsvInput } from './csv-lines';
import { readMicro } from './money-micro';
import { CALL_DIRECTIONS, MAX_PREFIX_DIGITS, type CallDirection, type RateDeckRow } from './rate-deck';

/** A problem on one line of a rate deck file: which column, which rule, in words a clerk follows. */
export interface RateDeckLineError {
  line: number;
  field: string;
  rule: string;
  message: string;
}

export interface RateDeckReading {
  rows: RateDeckRow[];
  errors: RateDeckLineError[];
}

const REQUIRED = ['prefix', 'description', 'direction', 'rate', 'minimum', 'increment'] as const;
const OPTIONAL = ['effective_from'] as const;
type DeckColumn = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

const PREFIX = new RegExp(`^\\d{1,${MAX_PREFIX_DIGITS}}$`);

// A minimum or an increment past an hour is a typo (minutes written where seconds were meant).
const MAX_SECONDS = 3600;

/**
 * Reads a rate deck from CSV with a header line naming the columns prefix, description,
 * direction, rate (a decimal a minute, up to six places), minimum and increment (seconds), and
 * optionally effective_from (YYYY-MM-DD, from midnight UTC). Every problem is reported with its
 * line; the caller keeps a deck only when there are none. A prefix may be written with a +.
 */
export async function readRateDeckCsv(input: CsvInput): Promise<RateDeckReading> {
  const rows: RateDeckRow[] = [];
  const errors: RateDeckLineError[] = [];
  const firstLine = new Map<string, number>();
  let index: Map<DeckColumn, number> | null = null;
  let width = 0;
  for await (const line of csvLines(input)) {
    const problem = (field: string, rule: string, message: string) => errors.push({ line: line.line, field, rule, message });
    if (!line.fields) {
      problem('line', 'csv', line.problem ?? 'not a CSV line');
      if (!index) break;
      continue;
    }
    if (!index) {
      const names = line.fields.map((name) => name.trim().toLowerCase());
      const missing = REQUIRED.filter((name) => !names.includes(name));
      if (missing.length) {
        problem(
          'header',
          'columns',
          `the header lacks ${missing.join(', ')}; it needs ${REQUIRED.join(', ')} (and may have ${OPTIONAL.join(', ')})`,
        );
        break;
      }
      index = new Map([...REQUIRED, ...OPTIONAL].filter((name) => names.includes(name)).map((name) => [name, names.indexOf(name)]));
      width = line.fields.length;
      continue;
    }
    if (line.fields.length !== width) {
      problem('line', 'columns', `${line.fields.length} columns where the header has ${width}`);
      continue;
    }
    const fields = line.fields;
    const value = (column: DeckColumn) => {
      const at = index!.get(column);
      return at === undefined ? '' : fields[at].trim();
    };
    const before = errors.length;

    const prefix = value('prefix').replace(/^\+/, '');
    if (!PREFIX.test(prefix)) {
      problem('prefix', 'digits', `prefix ${JSON.stringify(value('prefix'))} must be 1 to ${MAX_PREFIX_DIGITS} digits, country code first`);
    }
    const direction = value('direction').toLowerCase();
    if (!isDirection(direction)) {
      problem('direction', 'oneOf', `direction ${JSON.stringify(value('direction'))} must be inbound or outbound`);
    }
    const rate = readMicro(value('rate'));
    if (!rate.ok) problem('rate', 'decimal', `rate: ${rate.message}`);
    const minimumSeconds = seconds(value('minimum'), 0);
    if (minimumSeconds === null) {
      problem('minimum', 'seconds', `minimum ${JSON.stringify(value('minimum'))} must be whole seconds from 0 to ${MAX_SECONDS}`);
    }
    const incrementSeconds = seconds(value('increment'), 1);
    if (incrementSeconds === null) {
      problem('increment', 'seconds', `increment ${JSON.stringify(value('increment'))} must be whole seconds from 1 to ${MAX_SECONDS}`);
    }
    const effective = value('effective_from');
    if (effective !== '' && !isDateInWindow(effective)) {
      problem('effective_from', 'date', `effective_from ${JSON.stringify(effective)} must be a date written YYYY-MM-DD`);
    }
    if (errors.length > before || !isDirection(direction) || !rate.ok || minimumSeconds === null || incrementSeconds === null) continue;

    const key = `${prefix} ${direction} ${effective}`;
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      problem('prefix', 'unique', `prefix ${prefix} ${direction}${effective ? ` from ${effective}` : ''} is already on line ${earlier}`);
      continue;
    }
    firstLine.set(key, line.line);
    rows.push({
      prefix,
      description: value('description'),
      direction,
      ratePerMinuteMicro: rate.micro,
      minimumSeconds,
      incrementSeconds,
      ...(effective ? { effectiveFrom: new Date(`${effective}T00:00:00Z`) } : {}),
    });
  }
  if (!index && errors.length === 0) {
    errors.push({ line: 1, field: 'header', rule: 'columns', message: 'the file is empty; it needs a header line and rates' });
  }
  return { rows, errors };
}

function isDirection(text: string): text is CallDirection {
  return (CALL_DIRECTIONS as readonly string[]).includes(text);
}

function seconds(text: string, least: number): number | null {
  if (!/^\d{1,4}$/.test(text)) return null;
  const value = Number(text);
  return value >= least && value <= MAX_SECONDS ? value : null;
}
