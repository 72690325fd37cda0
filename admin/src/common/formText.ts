/** A text input's value as the API takes a required text: trimmed ('' for anything else). */
export const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** A text input's value as the API takes an optional text: trimmed, and null when empty. */
export const optionalText = (value: unknown): string | null => text(value) || null;
