import { callIdentity, e164Digits, readSeconds, reject, type CdrLine, type NumberReading } from './call-record';
import { csvLines, type CsvInput, type CsvLine } from './csv-lines';
import type { CallDirection } from './rate-deck';
import { assertTimeZone, readSwitchTime } from './switch-time';

/**
 * Which header of a switch's CSV holds each fact. The talk time comes either from a column of
 * seconds or from answer and end times (an empty answer meaning nobody picked up).
 */
export interface GenericCdrMapping {
  callId?: string;
  start: string;
  durationSeconds?: string;
  answer?: string;
  end?: string;
  from: string;
  to: string;
  direction?: string;
}

export interface GenericCdrOptions extends NumberReading {
  mapping: GenericCdrMapping;
  /** For times written without an offset. */
  timeZone: string;
}

/** A file that cannot be read at all (a mapping that names a column the header lacks), as opposed to a bad line. */
export class CdrFileError extends Error {}

const DIRECTIONS: Record<string, CallDirection> = {
  inbound: 'inbound',
  in: 'inbound',
  incoming: 'inbound',
  outbound: 'outbound',
  out: 'outbound',
  outgoing: 'outbound',
};

/**
 * Reads a CSV of calls with a header line, through a mapping, streaming: each line after the
 * header becomes a call or a reject. Header names match without regard to case or surrounding spaces.
 */
export async function* readGenericCdr(input: CsvInput, options: GenericCdrOptions): AsyncGenerator<CdrLine> {
  assertTimeZone(options.timeZone);
  const { mapping } = options;
  if (mapping.durationSeconds === undefined && (mapping.answer === undefined || mapping.end === undefined)) {
    throw new CdrFileError('the mapping needs a durationSeconds column, or both answer and end');
  }
  let index: Map<keyof GenericCdrMapping, number> | null = null;
  let width = 0;
  for await (const line of csvLines(input)) {
    if (!index) {
      if (!line.fields) throw new CdrFileError(`the header (line ${line.line}) is not a CSV line: ${line.problem}`);
      index = columnIndex(line.fields, mapping);
      width = line.fields.length;
      continue;
    }
    yield genericCall(line, index, width, options);
  }
}

function columnIndex(header: string[], mapping: GenericCdrMapping): Map<keyof GenericCdrMapping, number> {
  const names = header.map((name) => name.trim().toLowerCase());
  const index = new Map<keyof GenericCdrMapping, number>();
  for (const [fact, column] of Object.entries(mapping) as [keyof GenericCdrMapping, string | undefined][]) {
    if (column === undefined) continue;
    const at = names.indexOf(column.trim().toLowerCase());
    if (at < 0) {
      throw new CdrFileError(`the header has no column ${JSON.stringify(column)} (mapped to ${fact}); it has ${header.join(', ')}`);
    }
    index.set(fact, at);
  }
  return index;
}

function genericCall(line: CsvLine, index: Map<keyof GenericCdrMapping, number>, width: number, options: GenericCdrOptions): CdrLine {
  if (!line.fields) return reject(line, 'malformed_csv', line.problem ?? 'not a CSV line');
  if (line.fields.length !== width) return reject(line, 'columns', `${line.fields.length} columns where the header has ${width}`);
  const fields = line.fields;
  const value = (fact: keyof GenericCdrMapping) => {
    const at = index.get(fact);
    return at === undefined ? undefined : fields[at].trim();
  };

  const start = readSwitchTime(value('start')!, options.timeZone);
  if (!start) return reject(line, 'bad_date', `start ${JSON.stringify(value('start'))} is not a date and time`);

  let durationSeconds: number;
  if (index.has('durationSeconds')) {
    const seconds = readSeconds(value('durationSeconds')!);
    if (seconds === null) return reject(line, 'bad_duration', `duration ${JSON.stringify(value('durationSeconds'))} is not whole seconds`);
    if (seconds < 0) return reject(line, 'negative_duration', `duration ${seconds} cannot be negative`);
    durationSeconds = seconds;
  } else if (value('answer') === '') {
    durationSeconds = 0;
  } else {
    const answer = readSwitchTime(value('answer')!, options.timeZone);
    const end = readSwitchTime(value('end')!, options.timeZone);
    if (!answer || !end) {
      return reject(
        line,
        'bad_date',
        `answer ${JSON.stringify(value('answer'))} and end ${JSON.stringify(value('end'))} must be dates and times`,
      );
    }
    if (end < answer) {
      return reject(line, 'negative_duration', `the call ends (${value('end')}) before it is answered (${value('answer')})`);
    }
    // A part second counts as a second, as increments round up anyway.
    durationSeconds = Math.ceil((end.getTime() - answer.getTime()) / 1000);
  }

  let direction: CallDirection | null = null;
  if (index.has('direction')) {
    direction = DIRECTIONS[value('direction')!.toLowerCase()] ?? null;
    if (!direction) return reject(line, 'bad_direction', `direction ${JSON.stringify(value('direction'))} is neither inbound nor outbound`);
  }

  const toText = value('to')!;
  if (toText === '') return reject(line, 'missing_number', 'the called number is empty');
  const to = e164Digits(toText, options);
  if (!to) {
    return reject(
      line,
      'not_e164',
      `the called number ${JSON.stringify(toText)} does not read as a phone number in ${options.defaultCountry}`,
    );
  }
  const fromText = value('from')!;
  const from = e164Digits(fromText, options);

  return {
    call: {
      identity: callIdentity(value('callId'), { start, from, to, durationSeconds }),
      line: line.line,
      start,
      durationSeconds,
      from,
      fromAsWritten: fromText,
      to,
      toAsWritten: toText,
      direction,
    },
  };
}
