import { callIdentity, e164Digits, readSeconds, reject, type CdrLine, type NumberReading } from './call-record';
import { csvLines, type CsvInput, type CsvLine } from './csv-lines';
import { assertTimeZone, readSwitchTime } from './switch-time';

/**
 * How the switch's cdr.conf [csv] section is set, which decides Master.csv's columns: sixteen
 * always, then the unique id (loguniqueid), the user field (loguserfield) and peer account,
 * linked id and sequence (newcdrcolumns) when switched on. All are off unless cdr.conf says so.
 */
export interface AsteriskCdrOptions extends NumberReading {
  logUniqueId?: boolean;
  logUserField?: boolean;
  newCdrColumns?: boolean;
  /** The switch's time zone, since Asterisk writes local times; 'UTC' when cdr.conf has usegmtime=yes. */
  timeZone: string;
}

const ALWAYS = [
  'accountcode',
  'src',
  'dst',
  'dcontext',
  'clid',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
  'start',
  'answer',
  'end',
  'duration',
  'billsec',
  'disposition',
  'amaflags',
] as const;

type AsteriskColumn = (typeof ALWAYS)[number] | 'uniqueid' | 'userfield' | 'peeraccount' | 'linkedid' | 'sequence';

/** Master.csv's columns, in order, for these settings. */
export function asteriskColumns(options: AsteriskCdrOptions): AsteriskColumn[] {
  return [
    ...ALWAYS,
    ...(options.logUniqueId ? (['uniqueid'] as const) : []),
    ...(options.logUserField ? (['userfield'] as const) : []),
    ...(options.newCdrColumns ? (['peeraccount', 'linkedid', 'sequence'] as const) : []),
  ];
}

/** Reads an Asterisk Master.csv, streaming: each non-blank line becomes a call or a reject. */
export async function* readAsteriskCdr(input: CsvInput, options: AsteriskCdrOptions): AsyncGenerator<CdrLine> {
  assertTimeZone(options.timeZone);
  const columns = asteriskColumns(options);
  for await (const line of csvLines(input)) yield asteriskCall(line, columns, options);
}

function asteriskCall(line: CsvLine, columns: AsteriskColumn[], options: AsteriskCdrOptions): CdrLine {
  if (!line.fields) return reject(line, 'malformed_csv', line.problem ?? 'not a CSV line');
  if (line.fields.length !== columns.length) {
    return reject(line, 'columns', `${line.fields.length} columns where this switch's settings give ${columns.length}`);
  }
  const field = Object.fromEntries(columns.map((name, i) => [name, line.fields![i]])) as Record<AsteriskColumn, string>;

  const start = readSwitchTime(field.start, options.timeZone);
  if (!start) return reject(line, 'bad_date', `start ${JSON.stringify(field.start)} is not a date and time`);
  // billsec is the time after answer, the part a call is billed for; duration adds the ringing.
  const duration = readSeconds(field.duration);
  const billsec = readSeconds(field.billsec);
  if (duration === null || billsec === null) {
    return reject(
      line,
      'bad_duration',
      `duration ${JSON.stringify(field.duration)} and billsec ${JSON.stringify(field.billsec)} must be whole seconds`,
    );
  }
  if (duration < 0 || billsec < 0) {
    return reject(line, 'negative_duration', `duration ${duration} and billsec ${billsec} cannot be negative`);
  }

  if (field.dst.trim() === '') return reject(line, 'missing_number', 'the called number (dst) is empty');
  const to = e164Digits(field.dst, options);
  if (!to) {
    return reject(
      line,
      'not_e164',
      `the called number ${JSON.stringify(field.dst)} does not read as a phone number in ${options.defaultCountry}`,
    );
  }
  const from = e164Digits(field.src, options);

  const switchId = field.uniqueid && field.sequence ? `${field.uniqueid}#${field.sequence}` : field.uniqueid;
  return {
    call: {
      identity: callIdentity(switchId, { start, from, to, durationSeconds: billsec }),
      line: line.line,
      start,
      durationSeconds: billsec,
      from,
      fromAsWritten: field.src,
      to,
      toAsWritten: field.dst,
      direction: null,
      accountCode: field.accountcode,
      disposition: field.disposition,
    },
  };
}
