import type { FieldError } from '../common/errors';
import { EARLIEST_DATE, isDateInWindow, LATEST_DATE } from '../common/calendar-date';
import type { CustomField } from './custom-field.entity';

/** Text values longer than this cannot be unique: unique_value is a VARCHAR(255). */
export const UNIQUE_VALUE_MAX_LENGTH = 255;
export const TEXT_VALUE_MAX_LENGTH = 1000;

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Patterns must match the whole value, as an HTML `pattern` attribute does, so a
 * clerk writing `FIBER-\d{4}` does not also accept `xxFIBER-0042yy`.
 */
export function compilePattern(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

export type ParsedValue = { ok: true; stored: string } | { ok: false; error: FieldError };

function fail(field: CustomField, rule: string, message: string): ParsedValue {
  return { ok: false, error: { field: `customFields.${field.id}`, rule, message: `${field.name} ${message}` } };
}

function parseText(field: CustomField, raw: unknown): ParsedValue {
  if (typeof raw !== 'string') return fail(field, 'isString', 'must be text');
  const max = field.unique ? UNIQUE_VALUE_MAX_LENGTH : TEXT_VALUE_MAX_LENGTH;
  if (raw.length > max) return fail(field, 'maxLength', `must be at most ${max} characters`);
  if (field.pattern && !compilePattern(field.pattern).test(raw)) {
    // Clerks read this message: an example says the format better than the pattern does.
    return fail(field, 'pattern', field.example ? `is not in the required format, e.g. ${field.example}` : 'is not in the required format');
  }
  return { ok: true, stored: raw };
}

function parseInteger(field: CustomField, raw: unknown): ParsedValue {
  // Limited to safe integers so read() can hand back an exact JavaScript number.
  if (typeof raw === 'number') {
    return Number.isSafeInteger(raw)
      ? { ok: true, stored: String(raw) }
      : fail(field, 'isInt', 'must be a whole number within ±(2^53 - 1)');
  }
  if (typeof raw === 'string' && INTEGER.test(raw.trim())) {
    const value = BigInt(raw.trim());
    if (value <= MAX_SAFE && value >= -MAX_SAFE) return { ok: true, stored: value.toString() };
  }
  return fail(field, 'isInt', 'must be a whole number within ±(2^53 - 1)');
}

function parseDecimal(field: CustomField, raw: unknown): ParsedValue {
  // Numbers are accepted only when their shortest rendering is plain digits; anything
  // in exponent form would already have lost digits, so it must come as a string.
  const text = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : typeof raw === 'string' ? raw.trim() : null;
  const match = text === null || text.length > 100 ? null : DECIMAL.exec(text);
  if (!match) return fail(field, 'isDecimal', 'must be a decimal number such as 12.50');
  const [, sign, whole, fraction] = match;
  const canonicalWhole = whole.replace(/^0+(?=\d)/, '');
  const isZero = /^0+$/.test(canonicalWhole + (fraction ?? ''));
  const stored = `${sign === '-' && !isZero ? '-' : ''}${canonicalWhole}${fraction ? `.${fraction}` : ''}`;
  return { ok: true, stored };
}

function parseDate(field: CustomField, raw: unknown): ParsedValue {
  if (isDateInWindow(raw)) return { ok: true, stored: raw };
  return fail(field, 'isDate', `must be a calendar date written YYYY-MM-DD between ${EARLIEST_DATE} and ${LATEST_DATE}`);
}

function parseBoolean(field: CustomField, raw: unknown): ParsedValue {
  return typeof raw === 'boolean' ? { ok: true, stored: raw ? 'true' : 'false' } : fail(field, 'isBoolean', 'must be true or false');
}

function parseSelect(field: CustomField, raw: unknown): ParsedValue {
  const options = field.options ?? [];
  return typeof raw === 'string' && options.includes(raw)
    ? { ok: true, stored: raw }
    : fail(field, 'isIn', `must be one of: ${options.join(', ')}`);
}

const PARSERS: Record<CustomField['type'], (field: CustomField, raw: unknown) => ParsedValue> = {
  text: parseText,
  integer: parseInteger,
  decimal: parseDecimal,
  date: parseDate,
  boolean: parseBoolean,
  select: parseSelect,
};

/** Checks a submitted value against its definition and renders it as stored text. */
export function parseCustomFieldValue(field: CustomField, raw: unknown): ParsedValue {
  return PARSERS[field.type](field, raw);
}

/** Whether a submitted value means "no value". */
export function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

/** Turns stored text back into the type the field promises. */
export function typedValue(type: CustomField['type'], stored: string): string | number | boolean {
  if (type === 'integer') return Number(stored);
  if (type === 'boolean') return stored === 'true';
  return stored;
}
