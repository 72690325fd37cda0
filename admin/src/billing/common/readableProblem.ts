import { HttpError } from 'react-admin';
import { toApiProblem } from '../../dataProvider';

interface Detail {
  field?: string;
  rule?: string;
  message?: string;
}

const detailsOf = (error: unknown): Detail[] => {
  if (!(error instanceof HttpError) || typeof error.body !== 'object' || error.body === null) return [];
  const details = (error.body as { details?: unknown }).details;
  return Array.isArray(details) ? (details as Detail[]) : [];
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A processor's sentence without the code Stripe appends for machines, e.g. "(insufficient_funds)". */
export const withoutProcessorCode = (reason: string): string => reason.replace(/\s*\([a-z0-9_]+\)\s*$/, '').trim();

/**
 * One sentence for a dialog, in the clerk's words: the API names fields as the code does
 * ("paymentMethodId"), so the first field problem is told with the dialog's own label for
 * it, and a processor's refusal is its reason alone, without the code Stripe adds.
 */
export const readableProblem = (error: unknown, labels: Record<string, string>): string => {
  const details = detailsOf(error);
  const refusal = details.find((detail) => detail.rule === 'declined' || detail.rule === 'processor');
  if (refusal?.message) {
    const reason = withoutProcessorCode(refusal.message);
    return refusal.rule === 'declined' ? `The payment was declined: ${reason}` : `The payment processor refused it: ${reason}`;
  }
  const first = details.find((detail) => detail.field && detail.message);
  if (first?.field && first.message) {
    const label = labels[first.field];
    // The API's sentences start with the field's code name ("amount must be…", "paymentMethodId: …").
    const sentence = first.message.replace(new RegExp(`^${escape(first.field)}:?\\s+`), '').trim();
    return label ? `${label}: ${sentence}` : toApiProblem(error).message;
  }
  return toApiProblem(error).message;
};
