import * as ipaddr from 'ipaddr.js';

export type IpFamily = 4 | 6;

/** One address: its family, its value as an unsigned integer (128 bits fit a bigint) and its canonical text. */
export interface IpAddress {
  family: IpFamily;
  value: bigint;
  text: string;
}

/** A block of addresses in CIDR form, with its first and last address as integers. */
export interface IpNetwork {
  family: IpFamily;
  prefixLength: number;
  first: bigint;
  last: bigint;
  /** Canonical CIDR text, e.g. `100.64.0.0/22` or `2001:db8::/48`. */
  text: string;
}

export const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };

/**
 * Addresses are kept in DECIMAL(39,0) columns: 2^128 has 39 digits, and a decimal column orders
 * and adds exactly, so "the address after this one" is `address + 1` in SQL for both families.
 */
export const toDecimal = (value: bigint): string => value.toString();
export const fromDecimal = (value: unknown): bigint => BigInt(String(value));

function valueOf(bytes: number[]): bigint {
  return bytes.reduce((acc, byte) => (acc << 8n) | BigInt(byte), 0n);
}

export function addressText(family: IpFamily, value: bigint): string {
  const bytes: number[] = [];
  for (let i = BITS[family] / 8 - 1, v = value; i >= 0; i--, v >>= 8n) bytes[i] = Number(v & 0xffn);
  return ipaddr.fromByteArray(bytes).toString();
}

/**
 * An address as typed by a person or a script: dotted quad for IPv4 (no shorthand like `10.1`,
 * no octal or hex, which ipaddr.js would otherwise read), RFC 4291 text for IPv6 without a zone.
 * Null when it is not one.
 */
export function parseAddress(text: string): IpAddress | null {
  const trimmed = text.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(trimmed)) {
    const parsed = ipaddr.IPv4.parse(trimmed);
    return { family: 4, value: valueOf(parsed.toByteArray()), text: parsed.toString() };
  }
  if (!trimmed.includes('%') && ipaddr.IPv6.isValid(trimmed)) {
    const parsed = ipaddr.IPv6.parse(trimmed);
    return { family: 6, value: valueOf(parsed.toByteArray()), text: parsed.toString() };
  }
  return null;
}

export type NetworkProblem = 'format' | 'hostBits';

/**
 * A network in CIDR form. Host bits must be zero: `10.0.0.5/24` is refused rather than silently
 * read as `10.0.0.0/24`, because a clerk who typed it meant something and should be asked what.
 */
export function parseNetwork(text: string): { network: IpNetwork } | { problem: NetworkProblem; suggestion?: string } {
  const match = /^\s*([^/\s]+)\/(\d{1,3})\s*$/.exec(text);
  if (!match) return { problem: 'format' };
  const address = parseAddress(match[1]);
  const prefixLength = Number(match[2]);
  if (!address || prefixLength > BITS[address.family]) return { problem: 'format' };
  const network = networkOf(address, prefixLength);
  if (network.first !== address.value) return { problem: 'hostBits', suggestion: network.text };
  return { network };
}

/** The block of `prefixLength` that holds the address. */
export function networkOf(address: Pick<IpAddress, 'family' | 'value'>, prefixLength: number): IpNetwork {
  const hostBits = BigInt(BITS[address.family] - prefixLength);
  const first = (address.value >> hostBits) << hostBits;
  const last = first + (1n << hostBits) - 1n;
  return { family: address.family, prefixLength, first, last, text: `${addressText(address.family, first)}/${prefixLength}` };
}

export function contains(outer: Pick<IpNetwork, 'family' | 'first' | 'last'>, family: IpFamily, value: bigint): boolean {
  return outer.family === family && value >= outer.first && value <= outer.last;
}

export function overlaps(a: Pick<IpNetwork, 'family' | 'first' | 'last'>, b: Pick<IpNetwork, 'family' | 'first' | 'last'>): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

/**
 * The addresses of a subnet no host may take. IPv4: the network and broadcast addresses, except
 * in a /31 (RFC 3021: both ends of a point-to-point link are hosts) and a /32. IPv6 has no
 * broadcast, but the lowest address is the subnet-router anycast address (RFC 4291 2.6.1),
 * except in a /127 (RFC 6164) and a /128. The gateway, when the subnet has one, is the router's.
 */
export function reservedAddresses(subnet: IpNetwork, gateway: bigint | null): bigint[] {
  const hostBits = BITS[subnet.family] - subnet.prefixLength;
  const reserved = new Set<bigint>();
  if (hostBits >= 2) {
    reserved.add(subnet.first);
    if (subnet.family === 4) reserved.add(subnet.last);
  }
  if (gateway !== null) reserved.add(gateway);
  return [...reserved].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** How many addresses hosts can take in the range, the reserved ones that fall inside it left out. */
export function usableCount(first: bigint, last: bigint, reserved: bigint[]): bigint {
  return last - first + 1n - BigInt(reserved.filter((r) => r >= first && r <= last).length);
}
