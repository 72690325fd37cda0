import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Left out keeps the value; null is checked (and refused) like any other value. */
export const OmittableNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);

export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** One value or a list of them, read as a list, so a filter takes `"status":"scheduled"` and `"status":["scheduled","en_route"]`. */
export const OneOrMany = () =>
  Transform(({ value }: { value: unknown }) => (value === undefined || value === null || Array.isArray(value) ? value : [value]));

export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
export const MIN_DURATION_MINUTES = 5;
/** A day: longer than any visit, short enough to catch hours typed as minutes many times over. */
export const MAX_DURATION_MINUTES = 1440;
/** TEXT holds 65,535 bytes; 10,000 characters fit even when every one takes four bytes. */
export const JOB_NOTES_MAX_LENGTH = 10_000;
export const STATUS_REASON_MAX_LENGTH = 500;
export const MAX_TECHNICIANS_PER_JOB = 10;
