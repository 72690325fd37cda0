import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { FieldError } from '../common/errors';

const PHONE_CHARACTERS = /^\+?[\d\s().\-/]+$/;

export type NormalisedPhone = { ok: true; e164: string } | { ok: false; error: FieldError };

/**
 * Reads a number as a clerk types it and returns it in E.164. Without a leading
 * + it is taken as a North American number, our customers' usual case. Letters are
 * refused outright: the library would read 1-800-FLOWERS as digits, which no clerk means.
 */
export function normalisePhone(field: string, input: string): NormalisedPhone {
  const text = input.trim();
  if (!PHONE_CHARACTERS.test(text)) {
    return { ok: false, error: { field, rule: 'isPhoneNumber', message: `${field} may hold only digits, spaces, +, -, . and ( )` } };
  }
  const parsed = parsePhoneNumberFromString(text, 'US');
  if (!parsed || !parsed.isValid()) {
    return {
      ok: false,
      error: {
        field,
        rule: 'isPhoneNumber',
        message: `${field} is not a valid phone number; write it like (217) 555-0100 or +44 20 7946 0958`,
      },
    };
  }
  return { ok: true, e164: parsed.number };
}
