import { API_URL } from '../dataProvider';
import type { ListFormat } from './types';

/** Where a router fetches the list: this panel's own address, which is the API's. */
export const entriesUrl = (name: string, format: ListFormat): string => {
  const url = new URL(`${API_URL}/address-lists/${encodeURIComponent(name)}/entries`, window.location.origin);
  if (format === 'routeros') url.searchParams.set('format', 'routeros');
  return url.toString();
};

/** A RouterOS scheduler's script: fetch the list with its key, then import it. */
export const routerOsScheduler = (name: string, key = '<fetch key>'): string =>
  [
    `/tool fetch url="${entriesUrl(name, 'routeros')}" \\`,
    `  http-header-field="Authorization: Bearer ${key}" dst-path=${name}.rsc`,
    `/import ${name}.rsc`,
  ].join('\n');
