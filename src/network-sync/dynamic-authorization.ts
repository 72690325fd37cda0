import { createHash, createHmac } from 'node:crypto';
import { isIPv4 } from 'node:net';

// RFC 5176 Dynamic Authorization: the CoA-Request and Disconnect-Request a RADIUS client sends a
// NAS about one of its live sessions, and the ACK or NAK it answers with. Written out here rather
// than taken from the `radius` package: its last release (1.1.4) is from 2018, it declares Node
// 0.8 and was never tested on the Node we run, and its decoder checks a CoA's Message-Authenticator
// over the wrong bytes. What we need is a few attributes and two digests.

export const DA_CODES = {
  'Disconnect-Request': 40,
  'Disconnect-ACK': 41,
  'Disconnect-NAK': 42,
  'CoA-Request': 43,
  'CoA-ACK': 44,
  'CoA-NAK': 45,
} as const;
export type DaCodeName = keyof typeof DA_CODES;

export const daCodeName = (code: number): DaCodeName | null =>
  (Object.entries(DA_CODES).find(([, value]) => value === code)?.[0] as DaCodeName | undefined) ?? null;

type AttributeType = 'string' | 'ipaddr' | 'integer';

interface AttributeDefinition {
  type: number;
  vendor?: number;
  valueType: AttributeType;
}

const MIKROTIK = 14988;
const WISPR = 14122;

/** The attributes Backhaul sends or reads in dynamic authorization: session identification, the speed profile (as radreply carries it), the NAK's cause. */
export const DA_ATTRIBUTES = {
  'User-Name': { type: 1, valueType: 'string' },
  'Framed-IP-Address': { type: 8, valueType: 'ipaddr' },
  'Acct-Session-Id': { type: 44, valueType: 'string' },
  'Error-Cause': { type: 101, valueType: 'integer' },
  'Mikrotik-Rate-Limit': { type: 8, vendor: MIKROTIK, valueType: 'string' },
  'WISPr-Bandwidth-Max-Up': { type: 7, vendor: WISPR, valueType: 'integer' },
  'WISPr-Bandwidth-Max-Down': { type: 8, vendor: WISPR, valueType: 'integer' },
} satisfies Record<string, AttributeDefinition>;
export type DaAttributeName = keyof typeof DA_ATTRIBUTES;

/** One attribute of a request, as stored with it: `['User-Name', 'alice']`. */
export type DaAttribute = [DaAttributeName, string | number];

const VENDOR_SPECIFIC = 26;
const MESSAGE_AUTHENTICATOR = 80;
const HEADER = 20;

/** RFC 5176 3.6: what a NAK's Error-Cause says, in FreeRADIUS's dictionary words. */
export const ERROR_CAUSES: Record<number, string> = {
  201: 'Residual-Context-Removed',
  202: 'Invalid-EAP-Packet',
  401: 'Unsupported-Attribute',
  402: 'Missing-Attribute',
  403: 'NAS-Identification-Mismatch',
  404: 'Invalid-Request',
  405: 'Unsupported-Service',
  406: 'Unsupported-Extension',
  407: 'Invalid-Attribute-Value',
  501: 'Administratively-Prohibited',
  502: 'Proxy-Request-Not-Routable',
  503: 'Session-Context-Not-Found',
  504: 'Session-Context-Not-Removable',
  505: 'Proxy-Processing-Error',
  506: 'Resources-Unavailable',
  507: 'Request-Initiated',
  508: 'Multiple-Session-Selection-Unsupported',
};

function valueBytes(name: DaAttributeName, value: string | number): Buffer {
  const { valueType } = DA_ATTRIBUTES[name];
  if (valueType === 'integer') {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(Number(value));
    return bytes;
  }
  if (valueType === 'ipaddr') {
    if (!isIPv4(String(value))) throw new RangeError(`${name} must be an IPv4 address, not ${value}`);
    return Buffer.from(String(value).split('.').map(Number));
  }
  return Buffer.from(String(value), 'utf8');
}

function encodeAttribute([name, value]: DaAttribute): Buffer {
  const definition: AttributeDefinition = DA_ATTRIBUTES[name];
  const data = valueBytes(name, value);
  if (data.length > 247) throw new RangeError(`${name} is too long for one attribute`);
  const inner = Buffer.concat([Buffer.from([definition.type, data.length + 2]), data]);
  if (definition.vendor === undefined) return inner;
  const vendor = Buffer.alloc(6);
  vendor.writeUInt8(VENDOR_SPECIFIC, 0);
  vendor.writeUInt8(inner.length + 6, 1);
  vendor.writeUInt32BE(definition.vendor, 2);
  return Buffer.concat([vendor, inner]);
}

/**
 * A CoA-Request or Disconnect-Request, signed as RFC 5176 3.5 and RFC 3579 3.2 say: a
 * Message-Authenticator (HMAC-MD5 over the packet with a zero authenticator, as FreeRADIUS does),
 * then the Request Authenticator, MD5(Code + Identifier + Length + 16 zero octets + Attributes +
 * Secret). Nothing in it is random, so the same request encoded again is the same packet, and a
 * NAS that sees it twice can tell it is a retransmission.
 */
export function encodeDaRequest(
  code: (typeof DA_CODES)['CoA-Request'] | (typeof DA_CODES)['Disconnect-Request'],
  identifier: number,
  attributes: DaAttribute[],
  secret: string,
): Buffer {
  const messageAuthenticator = Buffer.concat([Buffer.from([MESSAGE_AUTHENTICATOR, 18]), Buffer.alloc(16)]);
  const body = Buffer.concat([...attributes.map(encodeAttribute), messageAuthenticator]);
  if (HEADER + body.length > 4096) throw new RangeError('The request is longer than a RADIUS packet may be');
  const packet = Buffer.concat([Buffer.alloc(HEADER), body]);
  packet.writeUInt8(code, 0);
  packet.writeUInt8(identifier & 0xff, 1);
  packet.writeUInt16BE(packet.length, 2);
  createHmac('md5', secret)
    .update(packet)
    .digest()
    .copy(packet, packet.length - 16);
  createHash('md5').update(packet).update(secret).digest().copy(packet, 4);
  return packet;
}

export interface DaReply {
  code: number;
  codeName: DaCodeName;
  /** Error-Cause of a NAK, when the NAS gave one. */
  errorCause: number | null;
}

/** Walks the attributes of a packet: type, vendor (for a vendor-specific one) and value bytes. */
export function* packetAttributes(
  packet: Buffer,
  length = packet.length,
): Generator<{ type: number; vendor?: number; value: Buffer; offset: number }> {
  for (let offset = HEADER; offset + 2 <= length;) {
    const type = packet.readUInt8(offset);
    const size = packet.readUInt8(offset + 1);
    if (size < 2 || offset + size > length) throw new RangeError(`attribute ${type} at ${offset} runs past the packet`);
    if (type === VENDOR_SPECIFIC && size >= 8) {
      const vendor = packet.readUInt32BE(offset + 2);
      for (let inner = offset + 6; inner + 2 <= offset + size;) {
        const innerSize = packet.readUInt8(inner + 1);
        if (innerSize < 2 || inner + innerSize > offset + size) break;
        yield { type: packet.readUInt8(inner), vendor, value: packet.subarray(inner + 2, inner + innerSize), offset: inner };
        inner += innerSize;
      }
    } else {
      yield { type, value: packet.subarray(offset + 2, offset + size), offset };
    }
    offset += size;
  }
}

/**
 * The NAS's answer to `request`, or null when `reply` is not one: another identifier, a code that
 * does not answer it, or a Response Authenticator (and Message-Authenticator, when present) that
 * only a holder of the secret could have made. RFC 5176 3.5: MD5(Code + Identifier + Length +
 * Request Authenticator + Attributes + Secret).
 */
export function verifyDaReply(reply: Buffer, request: Buffer, secret: string): DaReply | null {
  if (reply.length < HEADER || reply.readUInt8(1) !== request.readUInt8(1)) return null;
  const code = reply.readUInt8(0);
  const answers = request.readUInt8(0) === DA_CODES['CoA-Request'] ? [44, 45] : [41, 42];
  if (!answers.includes(code)) return null;
  const length = reply.readUInt16BE(2);
  if (length < HEADER || length > reply.length) return null;
  const expected = createHash('md5')
    .update(reply.subarray(0, 4))
    .update(request.subarray(4, 20))
    .update(reply.subarray(20, length))
    .update(secret)
    .digest();
  if (!expected.equals(reply.subarray(4, 20))) return null;
  let errorCause: number | null = null;
  try {
    for (const attribute of packetAttributes(reply, length)) {
      if (attribute.vendor !== undefined) continue;
      if (attribute.type === DA_ATTRIBUTES['Error-Cause'].type && attribute.value.length === 4)
        errorCause = attribute.value.readUInt32BE(0);
      if (
        attribute.type === MESSAGE_AUTHENTICATOR &&
        !replyMessageAuthenticatorHolds(reply.subarray(0, length), request, attribute.offset, secret)
      )
        return null;
    }
  } catch {
    return null;
  }
  return { code, codeName: daCodeName(code) as DaCodeName, errorCause };
}

/** A reply's Message-Authenticator is the HMAC over it with the request's authenticator in its place and itself zero. */
function replyMessageAuthenticatorHolds(reply: Buffer, request: Buffer, offset: number, secret: string): boolean {
  const copy = Buffer.from(reply);
  request.copy(copy, 4, 4, 20);
  copy.fill(0, offset + 2, offset + 18);
  return createHmac('md5', secret)
    .update(copy)
    .digest()
    .equals(reply.subarray(offset + 2, offset + 18));
}
