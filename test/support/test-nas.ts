import { createHash, createHmac } from 'node:crypto';
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { waitUntil } from './processes';

/**
 * A NAS for the tests: a UDP listener on loopback that takes RFC 5176 CoA-Requests and
 * Disconnect-Requests the way a router does. It checks the shared secret (the Request
 * Authenticator, and the Message-Authenticator when there is one), answers ACK or NAK as told, or
 * stays silent as told, and records each distinct request once with its attributes: a
 * retransmission (same Identifier, same authenticator) is counted as received again and answered
 * with the reply it got before. Written apart from src/network-sync/dynamic-authorization.ts on
 * purpose, so that a mistake there is not made here too.
 */

const CODES: Record<number, string> = { 40: 'Disconnect-Request', 43: 'CoA-Request' };
const ACK_OF: Record<number, number> = { 40: 41, 43: 44 };
const NAK_OF: Record<number, number> = { 40: 42, 43: 45 };

const MESSAGE_AUTHENTICATOR = 80;
const ERROR_CAUSE = 101;

type Kind = 'string' | 'ipaddr' | 'integer';
const NAMES: Record<string, [string, Kind]> = {
  '1': ['User-Name', 'string'],
  '4': ['NAS-IP-Address', 'ipaddr'],
  '8': ['Framed-IP-Address', 'ipaddr'],
  '32': ['NAS-Identifier', 'string'],
  '44': ['Acct-Session-Id', 'string'],
  '101': ['Error-Cause', 'integer'],
  '14988:8': ['Mikrotik-Rate-Limit', 'string'],
  '14122:7': ['WISPr-Bandwidth-Max-Up', 'integer'],
  '14122:8': ['WISPr-Bandwidth-Max-Down', 'integer'],
};

export type NasAnswer = { kind: 'ack' } | { kind: 'nak'; errorCause?: number } | { kind: 'silent' };

export interface NasRequest {
  code: number;
  codeName: string;
  identifier: number;
  /** The Request Authenticator, hex. */
  authenticator: string;
  /** Attributes by name, in packet order (Message-Authenticator left out). */
  attributes: [string, string | number][];
  /** Times this same request arrived: above 1 when it was sent again. */
  received: number;
  hadMessageAuthenticator: boolean;
}

export interface TestNas {
  /** A loopback address: 127.0.0.1 unless asked for another (any 127.x.y.z answers on Linux), so two NAS can differ by address. */
  readonly host: string;
  readonly port: number;
  readonly secret: string;
  /** How requests from now on are answered; one answered before gets the same answer again. */
  answer(mode: NasAnswer): void;
  /** The distinct requests, in the order they first arrived. */
  requests(): NasRequest[];
  /** Every well-signed packet, retransmissions included. */
  packetsReceived(): number;
  /** Packets refused: a wrong authenticator or Message-Authenticator (a wrong secret), or not a request at all. */
  rejected(): number;
  /** Waits until at least `count` distinct requests arrived. */
  waitForRequests(count: number, timeoutMs?: number): Promise<NasRequest[]>;
  close(): Promise<void>;
}

function decodeValue(kind: Kind, value: Buffer): string | number {
  if (kind === 'integer') return value.readUInt32BE(0);
  if (kind === 'ipaddr') return [...value].join('.');
  return value.toString('utf8');
}

function attributesOf(packet: Buffer): { attributes: [string, string | number][]; messageAuthenticatorAt: number | null } {
  const attributes: [string, string | number][] = [];
  let messageAuthenticatorAt: number | null = null;
  const length = packet.readUInt16BE(2);
  for (let at = 20; at < length;) {
    const type = packet[at];
    const size = packet[at + 1];
    if (size < 2 || at + size > length) throw new Error('malformed attribute');
    const value = packet.subarray(at + 2, at + size);
    if (type === MESSAGE_AUTHENTICATOR) messageAuthenticatorAt = at;
    else if (type === 26) {
      const vendor = value.readUInt32BE(0);
      for (let inner = 4; inner < value.length;) {
        const innerType = value[inner];
        const innerSize = value[inner + 1];
        const known = NAMES[`${vendor}:${innerType}`];
        const data = value.subarray(inner + 2, inner + innerSize);
        attributes.push(known ? [known[0], decodeValue(known[1], data)] : [`Vendor-${vendor}-Attr-${innerType}`, data.toString('hex')]);
        inner += innerSize;
      }
    } else {
      const known = NAMES[String(type)];
      attributes.push(known ? [known[0], decodeValue(known[1], value)] : [`Attr-${type}`, value.toString('hex')]);
    }
    at += size;
  }
  return { attributes, messageAuthenticatorAt };
}

/** RFC 5176 3.5: the Request Authenticator is MD5 over the packet with 16 zero octets in its place, then the secret. */
function signedBy(packet: Buffer, secret: string, messageAuthenticatorAt: number | null): boolean {
  const zeroed = Buffer.from(packet);
  zeroed.fill(0, 4, 20);
  const authenticator = createHash('md5').update(zeroed).update(secret).digest();
  if (!authenticator.equals(packet.subarray(4, 20))) return false;
  if (messageAuthenticatorAt === null) return true;
  // The Message-Authenticator is an HMAC over the packet with a zero authenticator and itself zero.
  const unsigned = Buffer.from(zeroed);
  unsigned.fill(0, messageAuthenticatorAt + 2, messageAuthenticatorAt + 18);
  return createHmac('md5', secret)
    .update(unsigned)
    .digest()
    .equals(packet.subarray(messageAuthenticatorAt + 2, messageAuthenticatorAt + 18));
}

function reply(request: Buffer, code: number, errorCause: number | undefined, secret: string, signed: boolean): Buffer {
  const parts: Buffer[] = [];
  if (errorCause !== undefined) {
    const cause = Buffer.alloc(6);
    cause.writeUInt8(ERROR_CAUSE, 0);
    cause.writeUInt8(6, 1);
    cause.writeUInt32BE(errorCause, 2);
    parts.push(cause);
  }
  const messageAuthenticatorAt = signed ? 20 + parts.reduce((n, p) => n + p.length, 0) : null;
  if (signed) parts.push(Buffer.concat([Buffer.from([MESSAGE_AUTHENTICATOR, 18]), Buffer.alloc(16)]));
  const packet = Buffer.concat([Buffer.alloc(20), ...parts]);
  packet.writeUInt8(code, 0);
  packet.writeUInt8(request[1], 1);
  packet.writeUInt16BE(packet.length, 2);
  request.copy(packet, 4, 4, 20);
  if (messageAuthenticatorAt !== null) {
    createHmac('md5', secret)
      .update(packet)
      .digest()
      .copy(packet, messageAuthenticatorAt + 2);
  }
  createHash('md5').update(packet).update(secret).digest().copy(packet, 4);
  return packet;
}

export async function startTestNas(secret: string, host = '127.0.0.1'): Promise<TestNas> {
  const socket: Socket = createSocket('udp4');
  let mode: NasAnswer = { kind: 'ack' };
  const seen = new Map<string, NasRequest>();
  const answered = new Map<string, Buffer>();
  let packets = 0;
  let refused = 0;

  socket.on('message', (packet: Buffer, from: RemoteInfo) => {
    try {
      if (packet.length < 20 || !CODES[packet[0]] || packet.readUInt16BE(2) > packet.length) throw new Error('not a request');
      const { attributes, messageAuthenticatorAt } = attributesOf(packet);
      if (!signedBy(packet.subarray(0, packet.readUInt16BE(2)), secret, messageAuthenticatorAt)) throw new Error('wrong secret');
      packets++;
      const key = `${packet[1]}:${packet.subarray(4, 20).toString('hex')}`;
      const known = seen.get(key);
      if (known) known.received++;
      else {
        seen.set(key, {
          code: packet[0],
          codeName: CODES[packet[0]],
          identifier: packet[1],
          authenticator: packet.subarray(4, 20).toString('hex'),
          attributes,
          received: 1,
          hadMessageAuthenticator: messageAuthenticatorAt !== null,
        });
      }
      let answer = answered.get(key);
      if (!answer && mode.kind !== 'silent') {
        answer =
          mode.kind === 'ack'
            ? reply(packet, ACK_OF[packet[0]], undefined, secret, messageAuthenticatorAt !== null)
            : reply(packet, NAK_OF[packet[0]], mode.errorCause, secret, messageAuthenticatorAt !== null);
        answered.set(key, answer);
      }
      if (answer) socket.send(answer, from.port, from.address);
    } catch {
      refused++;
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, host, () => resolve());
  });
  const port = socket.address().port;
  const requests = () => [...seen.values()].map((r) => ({ ...r, attributes: [...r.attributes] }));

  return {
    host,
    port,
    secret,
    answer: (next) => {
      mode = next;
    },
    requests,
    packetsReceived: () => packets,
    rejected: () => refused,
    waitForRequests: async (count, timeoutMs = 30_000) => {
      await waitUntil(`${count} requests at the test NAS`, async () => seen.size >= count, timeoutMs);
      return requests();
    },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
