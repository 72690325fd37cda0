import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import type { FieldError } from '../common/errors';
import type { AsteriskCdrOptions } from './cdr-asterisk';
import type { GenericCdrMapping, GenericCdrOptions } from './cdr-generic';
import { CALL_DIRECTIONS, type CallDirection } from './rate-deck';
import { assertTimeZone } from './switch-time';

export const CDR_FORMATS = ['asterisk', 'generic'] as const;
export type CdrFormat = (typeof CDR_FORMATS)[number];

/** How a switch file is read, as kept in voice_cdr_files.options. */
export interface CdrFileOptions {
  timeZone: string;
  defaultCountry: string;
  /** Every call of the file goes this way (a trunk's file of outbound calls); otherwise each line's, or the numbers decide. */
  direction?: CallDirection;
  /** Asterisk: which optional columns cdr.conf switches on. */
  logUniqueId?: boolean;
  logUserField?: boolean;
  newCdrColumns?: boolean;
  /** Generic: the header of the column holding each fact. */
  mapping?: GenericCdrMapping;
}

export interface CdrReading {
  format: CdrFormat;
  options: CdrFileOptions;
}

/** The option names an upload's fields and a folder file's sidecar may carry. */
export const CDR_OPTION_FIELDS = [
  'format',
  'timeZone',
  'defaultCountry',
  'direction',
  'logUniqueId',
  'logUserField',
  'newCdrColumns',
  'mapping',
] as const;

const MAPPING_FACTS: (keyof GenericCdrMapping)[] = ['callId', 'start', 'durationSeconds', 'answer', 'end', 'from', 'to', 'direction'];

/**
 * Reads how a file is to be read from an upload's fields (text) or a sidecar's JSON (typed), over
 * the instance's defaults. Every problem is returned, each naming its field and rule; nothing throws.
 */
export function readCdrOptions(
  raw: Record<string, unknown>,
  defaults: { timeZone: string; defaultCountry: string },
): { reading: CdrReading; errors: [] } | { reading: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const problem = (field: string, rule: string, message: string) => errors.push({ field, rule, message });
  for (const name of Object.keys(raw)) {
    if (!(CDR_OPTION_FIELDS as readonly string[]).includes(name)) problem(name, 'unknownField', `${name} is not an accepted field`);
  }
  const text = (name: string): string | undefined => {
    const value = raw[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      problem(name, 'string', `${name} must be text`);
      return undefined;
    }
    return value.trim() === '' ? undefined : value.trim();
  };
  const flag = (name: 'logUniqueId' | 'logUserField' | 'newCdrColumns'): boolean | undefined => {
    const value = raw[name];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    problem(name, 'boolean', `${name} must be true or false`);
    return undefined;
  };

  const format = (text('format') ?? 'asterisk') as CdrFormat;
  if (!CDR_FORMATS.includes(format)) problem('format', 'isIn', `format must be one of ${CDR_FORMATS.join(', ')}`);
  const timeZone = text('timeZone') ?? defaults.timeZone;
  try {
    assertTimeZone(timeZone);
  } catch {
    problem('timeZone', 'timeZone', `timeZone ${JSON.stringify(timeZone)} must be an IANA time zone such as America/Chicago`);
  }
  const defaultCountry = (text('defaultCountry') ?? defaults.defaultCountry).toUpperCase();
  if (!/^[A-Z]{2}$/.test(defaultCountry) || !isSupportedCountry(defaultCountry)) {
    problem('defaultCountry', 'country', `defaultCountry ${JSON.stringify(defaultCountry)} must be a two-letter country code such as US`);
  }
  const direction = text('direction');
  if (direction !== undefined && !(CALL_DIRECTIONS as readonly string[]).includes(direction)) {
    problem('direction', 'isIn', 'direction must be inbound or outbound');
  }
  const options: CdrFileOptions = { timeZone, defaultCountry, ...(direction ? { direction: direction as CallDirection } : {}) };

  if (format === 'asterisk') {
    for (const name of ['logUniqueId', 'logUserField', 'newCdrColumns'] as const) {
      const value = flag(name);
      if (value !== undefined) options[name] = value;
    }
    if (raw.mapping !== undefined && raw.mapping !== null && raw.mapping !== '') {
      problem('mapping', 'notAllowed', 'mapping is for generic files; an Asterisk Master.csv has its columns fixed');
    }
  } else if (format === 'generic') {
    for (const name of ['logUniqueId', 'logUserField', 'newCdrColumns'] as const) {
      if (raw[name] !== undefined && raw[name] !== '') problem(name, 'notAllowed', `${name} is for Asterisk files`);
    }
    const mapping = readMapping(raw.mapping, problem);
    if (mapping) options.mapping = mapping;
  }
  return errors.length ? { reading: null, errors } : { reading: { format, options }, errors: [] };
}

function readMapping(value: unknown, problem: (field: string, rule: string, message: string) => void): GenericCdrMapping | null {
  if (value === undefined || value === null || value === '') {
    problem(
      'mapping',
      'required',
      'mapping is required for a generic file: the header of the column for start, from, to and the talk time',
    );
    return null;
  }
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      problem(
        'mapping',
        'json',
        'mapping must be a JSON object such as {"start":"Start","from":"Caller","to":"Called","durationSeconds":"Seconds"}',
      );
      return null;
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problem('mapping', 'object', 'mapping must be an object naming a column for each fact');
    return null;
  }
  const mapping: Partial<GenericCdrMapping> = {};
  for (const [fact, column] of Object.entries(parsed as Record<string, unknown>)) {
    if (!(MAPPING_FACTS as string[]).includes(fact)) {
      problem(`mapping.${fact}`, 'unknownField', `mapping.${fact} is not a fact; the facts are ${MAPPING_FACTS.join(', ')}`);
      continue;
    }
    if (typeof column !== 'string' || column.trim() === '' || column.length > 100) {
      problem(`mapping.${fact}`, 'string', `mapping.${fact} must be the header of a column`);
      continue;
    }
    mapping[fact as keyof GenericCdrMapping] = column.trim();
  }
  for (const fact of ['start', 'from', 'to'] as const) {
    if (mapping[fact] === undefined) problem(`mapping.${fact}`, 'required', `mapping.${fact} is required`);
  }
  if (mapping.durationSeconds === undefined && (mapping.answer === undefined || mapping.end === undefined)) {
    problem('mapping.durationSeconds', 'required', 'mapping needs durationSeconds, or both answer and end, for the talk time');
  }
  return mapping.start && mapping.from && mapping.to ? (mapping as GenericCdrMapping) : null;
}

export function asteriskOptions(options: CdrFileOptions): AsteriskCdrOptions {
  return {
    timeZone: options.timeZone,
    defaultCountry: options.defaultCountry as CountryCode,
    logUniqueId: options.logUniqueId ?? false,
    logUserField: options.logUserField ?? false,
    newCdrColumns: options.newCdrColumns ?? false,
  };
}

export function genericOptions(options: CdrFileOptions): GenericCdrOptions {
  if (!options.mapping) throw new Error('a generic file has no mapping');
  return { timeZone: options.timeZone, defaultCountry: options.defaultCountry as CountryCode, mapping: options.mapping };
}
