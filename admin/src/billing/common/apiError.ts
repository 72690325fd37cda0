import { HttpError } from 'react-admin';
import { errorMessage } from '../../accounts/submissionErrors';

export interface ApiProblem {
  message: string;
  /** Per field, from the API's `details`. */
  fields: Record<string, string>;
}

/** What to show for a failed call: the API's sentence and its field messages. */
export const toApiProblem = (error: unknown): ApiProblem => {
  const fields: Record<string, string> = {};
  if (error instanceof HttpError && error.body && typeof error.body === 'object' && 'details' in error.body) {
    const details = (error.body as { details?: { field?: string; message?: string }[] }).details ?? [];
    for (const detail of details) if (detail?.field && detail.message) fields[detail.field] = detail.message;
  }
  return { message: errorMessage(error), fields };
};
