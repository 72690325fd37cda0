import { ValidateIf } from 'class-validator';

/**
 * A field's other rules apply only when it holds a value: on an update, null clears an optional
 * field and leaving it out keeps what is there, so neither is checked as a value.
 */
export const unlessNull = ValidateIf((_: object, value: unknown) => value !== null && value !== undefined);
