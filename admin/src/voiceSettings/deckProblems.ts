import { HttpError } from 'react-admin';

/** One problem of a refused rate deck: where it is in the file, the rule broken, and the sentence. */
export interface DeckProblem {
  /** The file's line, 1 for the header; null for a problem of the upload itself. */
  line: number | null;
  /** The deck's column (`rate`, `prefix`...), `line` for the whole line, `header` for the header. */
  column: string;
  rule: string;
  message: string;
}

interface Detail {
  field?: unknown;
  rule?: unknown;
  message?: unknown;
}

/** `file.line12.rate` (the API's field for a deck problem) → line 12, column rate. */
const DECK_FIELD = /^file\.line(\d+)\.(.+)$/;

/** The problems a refused import lists in its details, in the file's order; none for any other failure. */
export const deckProblems = (error: unknown): DeckProblem[] => {
  if (!(error instanceof HttpError) || error.status !== 400) return [];
  const details = (error.body as { details?: unknown } | undefined)?.details;
  if (!Array.isArray(details)) return [];
  return (details as Detail[]).map((detail) => {
    const field = typeof detail.field === 'string' ? detail.field : '';
    const match = DECK_FIELD.exec(field);
    const message = typeof detail.message === 'string' ? detail.message : '';
    return {
      line: match ? Number(match[1]) : null,
      column: match ? match[2] : field,
      rule: typeof detail.rule === 'string' ? detail.rule : '',
      // The line is its own column here; the sentence need not repeat it.
      message: match ? message.replace(/^line \d+: /, '') : message,
    };
  });
};
