import { API_URL, httpClient } from '../../dataProvider';

/** `/accounts/${id}/x` with every dynamic part escaped. */
export const apiPath = (strings: TemplateStringsArray, ...values: (string | number)[]): string =>
  API_URL + strings.reduce((path, part, index) => path + part + (index < values.length ? encodeURIComponent(values[index]) : ''), '');

export const getJson = async <T>(url: string): Promise<T> => (await httpClient(url)).json as T;

/** A JSON request through the panel's httpClient (session cookie, API error shape). */
export const sendJson = async <T>(method: 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, headers?: HeadersInit): Promise<T> => {
  const requestHeaders = new Headers(headers);
  if (body !== undefined) requestHeaders.set('Content-Type', 'application/json');
  return (await httpClient(url, { method, headers: requestHeaders, body: body === undefined ? undefined : JSON.stringify(body) }))
    .json as T;
};

/** simple-REST query string: filter, sort and range. */
export const listQuery = (filter: Record<string, unknown>, sort?: [string, 'ASC' | 'DESC'], range: [number, number] = [0, 999]): string =>
  new URLSearchParams({
    filter: JSON.stringify(filter),
    ...(sort ? { sort: JSON.stringify(sort) } : {}),
    range: JSON.stringify(range),
  }).toString();
