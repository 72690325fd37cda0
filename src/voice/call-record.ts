import { createHash } from 'node:crypto';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { CallDirection } from './rate-deck';

/** One call read from a switch's file, before it is matched to a service and rated. */
export interface CallRecord {
  /** Stable across re-imports of the same file: the key that stops a call being billed twice. */
  identity: string;
  /** The line of the file it came from. */
  line: number;
  start: Date;
  /** Talk time after answer, in whole seconds; 0 for a call nobody answered. */
  durationSeconds: number;
  /** The caller, E.164 digits without the +; null when withheld or not a phone number (an extension). */
  from: string | null;
  fromAsWritten: string;
  /** The called number, E.164 digits without the +. */
  to: string;
  toAsWritten: string;
  /** Known when the file says; otherwise matching decides it from which end is a subscriber's number. */
  direction: CallDirection | null;
  /** Extra facts some switches give (Asterisk's account code and disposition), kept for the call list. */
  accountCode?: string;
  disposition?: string;
}

export type CdrRejectReason =
  'malformed_csv' | 'columns' | 'bad_date' | 'bad_duration' | 'negative_duration' | 'missing_number' | 'not_e164' | 'bad_direction';

/** A line that did not become a call, kept with the reason so nobody has to wonder where it went. */
export interface CdrReject {
  line: number;
  reason: CdrRejectReason;
  message: string;
  raw: string;
}

export type CdrLine = { call: CallRecord; reject?: never } | { call?: never; reject: CdrReject };

export interface NumberReading {
  /** Numbers written without a country code are read as this country's. */
  defaultCountry: CountryCode;
}

const DIALLABLE = /^\+?[\d\s().\-/]+$/;

/**
 * A number as E.164 digits without the +, or null when it is not one: a switch writes numbers
 * as dialled (national, with an international prefix, with a +), and rating needs one form.
 * A number of a possible length for its country is enough; validity against the numbering plan
 * would refuse calls to ranges opened after the library's metadata was made.
 */
export function e164Digits(text: string, { defaultCountry }: NumberReading): string | null {
  const value = text.trim();
  if (!DIALLABLE.test(value)) return null;
  const key = `${defaultCountry} ${value}`;
  let known = readNumbers.get(key);
  if (known === undefined) {
    known = readBefore.get(key);
    if (known !== undefined) readNumbers.set(key, known);
  }
  if (known !== undefined) return known;
  const parsed = parsePhoneNumberFromString(value, defaultCountry);
  const digits = parsed?.isPossible() ? parsed.number.slice(1) : null;
  if (readNumbers.size >= READ_NUMBERS_KEPT) {
    readBefore = readNumbers;
    readNumbers = new Map();
  }
  readNumbers.set(key, digits);
  return digits;
}

// Reading a number costs tens of microseconds, and a file names the same numbers (its subscribers',
// the usual destinations) over and over; a bounded memory of recent readings saves most of that.
// Two generations: when the current one is full it becomes the previous one, and a number read
// again from it moves back, so the numbers a file keeps naming stay while one-offs age out.
const READ_NUMBERS_KEPT = 100_000;
let readNumbers = new Map<string, string | null>();
let readBefore = new Map<string, string | null>();

/** Forgets every number read so far: for measuring reading from cold. */
export function forgetReadNumbers(): void {
  readNumbers = new Map();
  readBefore = new Map();
}

/**
 * The switch's own id for the call when it gives one; otherwise a hash of what makes a call that
 * call (start, both ends, duration), so the same line imported twice has the same identity.
 */
export function callIdentity(
  switchId: string | undefined,
  facts: { start: Date; from: string | null; to: string; durationSeconds: number },
): string {
  if (switchId && switchId.trim() !== '') return switchId.trim();
  const key = [facts.start.toISOString(), facts.from ?? '', facts.to, facts.durationSeconds].join('|');
  return `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

export function reject(line: { line: number; raw: string }, reason: CdrRejectReason, message: string): CdrLine {
  return { reject: { line: line.line, reason, message, raw: line.raw } };
}

/** A whole number of seconds as a switch writes it (negative ones too, for the caller to refuse); null for anything else. */
export function readSeconds(text: string): number | null {
  const value = text.trim();
  return /^-?\d{1,9}$/.test(value) ? Number(value) : null;
}
