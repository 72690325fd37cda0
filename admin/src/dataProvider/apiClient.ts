import createClient from 'openapi-fetch';
import type { components, paths } from '../api/schema';
import { answerToHttpError } from './apiErrors';

export type Schemas = components['schemas'];

/**
 * Typed calls for the data provider's custom methods: each path, its parameters, its body and
 * its answer are checked against the OpenAPI document. Same origin, so the session cookie goes along.
 */
export const api = createClient<paths>({ credentials: 'include', headers: { Accept: 'application/json' } });

/** The body of a successful answer; an error answer is thrown as the HttpError react-admin shows. */
export const answer = async <T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> => {
  const { data, error, response } = await call;
  if (!response.ok) throw answerToHttpError(response.status, error);
  // openapi-fetch leaves data undefined only for an empty body (a 204), which the document types as such.
  return data as T;
};
