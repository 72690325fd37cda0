/**
 * Where each figure leads: the react-admin list behind it with the filter that
 * selects exactly the rows the figure counts. Filters travel in the URL the way
 * react-admin reads them, so the list opens already filtered.
 */
export const listLink = (resource: string, filter: Record<string, unknown> = {}): string =>
  Object.keys(filter).length ? `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}` : `/${resource}`;

export const showLink = (resource: string, id: number): string => `/${resource}/${id}/show`;
