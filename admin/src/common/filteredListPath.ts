/** A list filtered to one parent, as react-admin reads it from the URL: /ip-subnets?filter={"supernetId":3}. */
export const filteredListPath = (resource: string, filter: Record<string, unknown>): string =>
  `/${resource}?${new URLSearchParams({ filter: JSON.stringify(filter) }).toString()}`;
