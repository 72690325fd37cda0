import { fetchUtils, HttpError } from 'react-admin';
import type { ApiErrorBody } from '../types';

type FieldErrors = Record<string, string>;

const isErrorBody = (body: unknown): body is Partial<ApiErrorBody> => typeof body === 'object' && body !== null;

/** `[{field: 'email', message: 'email must be an email'}]` → `{email: 'email must be an email'}`. */
export const detailsToFieldErrors = (details: ApiErrorBody['details']): FieldErrors => {
  const errors: FieldErrors = {};
  for (const detail of details ?? []) {
    if (!detail?.field || !detail.message) continue;
    errors[detail.field] = errors[detail.field] ? `${errors[detail.field]}; ${detail.message}` : detail.message;
  }
  return errors;
};

/**
 * Rebuilds the HttpError so react-admin shows the API's `message`, and so forms
 * get server-side validation: react-admin reads `body.errors` as
 * `{field: message}` and `body.errors.root.serverError` as the notification.
 */
export const toHttpError = (error: unknown): unknown => {
  if (!(error instanceof HttpError) || !isErrorBody(error.body)) return error;
  const body = error.body;
  const message = typeof body.message === 'string' && body.message ? body.message : error.message;
  const fieldErrors = detailsToFieldErrors(body.details);
  const errors = Object.keys(fieldErrors).length > 0 ? { ...fieldErrors, root: { serverError: message } } : undefined;
  return new HttpError(message, error.status, errors ? { ...body, errors } : body);
};

/** fetchJson with the session cookie, JSON Accept header and the API's error shape. */
export const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers, credentials: 'include' });
  } catch (error) {
    throw toHttpError(error);
  }
};
