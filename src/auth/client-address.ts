import { isIP } from 'node:net';

/**
 * The client address a login is counted against. An IPv4 address as is; an IPv6
 * address by its /64, since one subscriber line is handed a whole /64 and could
 * otherwise start afresh from each of its addresses.
 */
export function clientAddressKey(ip: string | undefined): string {
  const bare = (ip ?? '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1];
  const family = isIP(bare);
  if (family === 4) return bare;
  if (family === 6) return `${ipv6Groups(bare).slice(0, 4).join(':')}::/64`;
  // Express leaves req.ip empty once the socket is gone; such requests share one key.
  return 'unknown';
}

/** The eight groups of a valid IPv6 address, without leading zeros. */
function ipv6Groups(address: string): string[] {
  const withoutDottedTail = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_m, a, b, c, d) =>
    [((Number(a) << 8) | Number(b)).toString(16), ((Number(c) << 8) | Number(d)).toString(16)].join(':'),
  );
  const [head, tail] = withoutDottedTail.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail === undefined ? [] : tail ? tail.split(':') : [];
  const gap = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...gap, ...tailGroups].map((group) => parseInt(group, 16).toString(16));
}
