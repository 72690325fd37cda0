/** One entry of a list: an address, or a subnet in CIDR form. */
export interface ListEntry {
  family: 4 | 6;
  entry: string;
  accountId: number;
}

export type ListFormat = 'plain' | 'routeros';

/** One entry per line, the form most firewalls' "fetch a list from a URL" features read. */
export function plainList(entries: ListEntry[]): string {
  return entries.map((e) => `${e.entry}\n`).join('');
}

/**
 * A RouterOS script (`/tool fetch` then `/import`): it removes the entries it added last time (by
 * their comment) and adds the current ones, IPv4 and IPv6 in their own address lists. Names and
 * addresses are checked where they are made, so nothing here needs quoting but the comment.
 */
export function routerOsScript(name: string, entries: ListEntry[]): string {
  const tag = `backhaul:${name}`;
  const lines = [
    `# Address list "${name}" from Backhaul: ${entries.length} entries`,
    `/ip firewall address-list remove [find list="${name}" comment="${tag}"]`,
    `/ipv6 firewall address-list remove [find list="${name}" comment="${tag}"]`,
  ];
  for (const e of entries) {
    lines.push(`/${e.family === 4 ? 'ip' : 'ipv6'} firewall address-list add list="${name}" address=${e.entry} comment="${tag}"`);
  }
  return `${lines.join('\n')}\n`;
}
