/**
 * A MAC address in the one form Backhaul stores and compares: six lower-case hex pairs joined by
 * colons. Accepts what people and devices write: colons, hyphens, Cisco's dotted quads, or bare
 * hex. Null when it is not a MAC address.
 */
export function normalizeMac(text: string): string | null {
  const trimmed = text.trim().toLowerCase();
  const forms = [
    /^([0-9a-f]{2})([:-])([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})$/,
    /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/,
    /^[0-9a-f]{12}$/,
  ];
  if (!forms.some((form) => form.test(trimmed))) return null;
  const hex = trimmed.replace(/[^0-9a-f]/g, '');
  return hex.match(/../g)!.join(':');
}

/** The address as the six bytes Kea keeps in `hosts.dhcp_identifier`. */
export const macBytes = (mac: string): Buffer => Buffer.from(mac.replace(/:/g, ''), 'hex');
