import type { SortPayload } from 'react-admin';
import { API_URL } from './apiUrl';

/**
 * URL of a resource's server-side CSV export, e.g.
 * /api/action-history/export.csv?filter={"entityType":"user"}&sort=["createdAt","DESC"]
 * Same-origin, so a plain navigation or download carries the session cookie.
 */
export const exportCsvUrl = (resource: string, params: { filter: Record<string, unknown>; sort: SortPayload }): string => {
  const query = new URLSearchParams({
    filter: JSON.stringify(params.filter),
    sort: JSON.stringify([params.sort.field, params.sort.order]),
  });
  return `${API_URL}/${resource}/export.csv?${query.toString()}`;
};
