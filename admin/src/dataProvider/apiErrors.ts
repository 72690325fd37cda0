import { HttpError } from 'react-admin';
import type { ApiErrorBody } from '../types';

/**
 * The one place the API's error answers (`{ statusCode, message, code?, details? }`, see
 * ErrorResponseDto) become what react-admin shows: the sentence as the notification, and
 * the field errors on the form's inputs.
 */

type FieldErrors = Record<string, string>;

const isErrorBody = (body: unknown): body is Partial<ApiErrorBody> => typeof body === 'object' && body !== null;

/** `[{field: 'email', message: 'email must be an email'}]` → `{email: 'email must be an email'}`. */
export const detailsToFieldErrors = (details: ApiErrorBody['details'] | undefined): FieldErrors => {
  const errors: FieldErrors = {};
  for (const detail of details ?? []) {
    if (!detail?.field || !detail.message) continue;
    errors[detail.field] = errors[detail.field] ? `${errors[detail.field]}; ${detail.message}` : detail.message;
  }
  return errors;
};

/**
 * Rebuilds the HttpError so react-admin shows the API's `message`, and so forms get
 * server-side validation: react-admin reads `body.errors` as `{field: message}` and
 * `body.errors.root.serverError` as the notification.
 */
export const toHttpError = (error: unknown): unknown => {
  if (!(error instanceof HttpError) || !isErrorBody(error.body)) return error;
  const body = error.body;
  const message = typeof body.message === 'string' && body.message ? body.message : error.message;
  const fieldErrors = detailsToFieldErrors(body.details);
  const errors = Object.keys(fieldErrors).length > 0 ? { ...fieldErrors, root: { serverError: message } } : undefined;
  return new HttpError(message, error.status, errors ? { ...body, errors } : body);
};

/** An error answer of a custom method, read as toHttpError reads the stock provider's. */
export const answerToHttpError = (status: number, body: unknown): unknown => {
  const message = isErrorBody(body) && typeof body.message === 'string' && body.message ? body.message : `The server answered ${status}`;
  return toHttpError(new HttpError(message, status, body));
};

/**
 * For a react-admin <Form onSubmit>: the API's field errors go back to the form; anything
 * else is rethrown for the caller to notify.
 */
export const toSubmissionErrors = (error: unknown): Record<string, unknown> => {
  if (error instanceof HttpError && isErrorBody(error.body) && 'errors' in error.body) {
    return (error.body as { errors: Record<string, unknown> }).errors;
  }
  throw error;
};

export const errorMessage = (error: unknown): string =>
  error instanceof Error && error.message ? error.message : 'Something went wrong; please try again';

export interface ApiProblem {
  message: string;
  /** Per field, from the API's `details`. */
  fields: Record<string, string>;
}

/** What a dialog shows for a failed call: the API's sentence and its field messages. */
export const toApiProblem = (error: unknown): ApiProblem => ({
  message: errorMessage(error),
  fields: error instanceof HttpError && isErrorBody(error.body) ? detailsToFieldErrors(error.body.details) : {},
});
