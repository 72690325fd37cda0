import { fetchUtils } from 'react-admin';
import { toHttpError } from './apiErrors';

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
