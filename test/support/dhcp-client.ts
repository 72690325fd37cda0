import { randomBytes } from 'node:crypto';
import { createSocket, Socket } from 'node:dgram';

// A DHCPv4 client as a relay agent sees it (RFC 2131/2132), enough to ask the lab's Kea for an
// address: on loopback every request is relayed (giaddr set), Kea answers the relay's address
// on its client port, and replies are told apart by xid. perfdhcp exits 3 without waiting for
// the ACK and floods without a rate, so the tests use this instead.

export type DhcpMessageType = 'DISCOVER' | 'OFFER' | 'REQUEST' | 'DECLINE' | 'ACK' | 'NAK' | 'RELEASE' | 'INFORM';
const TYPES: DhcpMessageType[] = ['DISCOVER', 'OFFER', 'REQUEST', 'DECLINE', 'ACK', 'NAK', 'RELEASE', 'INFORM'];

const BOOTREQUEST = 1;
const MAGIC_COOKIE = 0x63825363;
const OPTION = { pad: 0, requestedAddress: 50, messageType: 53, serverId: 54, parameterList: 55, end: 255 } as const;

export interface DhcpRequestPacket {
  type: 'DISCOVER' | 'REQUEST';
  xid: number;
  /** aa:bb:cc:dd:ee:ff */
  mac: string;
  /** The relay agent's address (giaddr). */
  relay: string;
  /** REQUEST: the offered address (option 50) and the server that offered it (option 54). */
  requestedAddress?: string;
  serverId?: string;
}

export interface DhcpReply {
  xid: number;
  type: DhcpMessageType | null;
  /** The address offered or assigned (yiaddr). */
  yiaddr: string;
  mac: string;
  serverId: string | null;
}

function macBytes(mac: string): Buffer {
  const bytes = Buffer.from(mac.replace(/[:-]/g, ''), 'hex');
  if (bytes.length !== 6) throw new Error(`not a MAC address: ${mac}`);
  return bytes;
}

function ipBytes(address: string): Buffer {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(`not an IPv4 address: ${address}`);
  return Buffer.from(parts);
}

const ipText = (bytes: Buffer) => [...bytes].join('.');

/** A relayed DISCOVER or REQUEST. */
export function encodeDhcpRequest(p: DhcpRequestPacket): Buffer {
  const fixed = Buffer.alloc(240);
  fixed.writeUInt8(BOOTREQUEST, 0);
  fixed.writeUInt8(1, 1); // htype: Ethernet
  fixed.writeUInt8(6, 2); // hlen
  fixed.writeUInt8(1, 3); // hops: one relay
  fixed.writeUInt32BE(p.xid >>> 0, 4);
  ipBytes(p.relay).copy(fixed, 24); // giaddr
  macBytes(p.mac).copy(fixed, 28); // chaddr
  fixed.writeUInt32BE(MAGIC_COOKIE, 236);
  const options: number[] = [OPTION.messageType, 1, TYPES.indexOf(p.type) + 1];
  if (p.requestedAddress) options.push(OPTION.requestedAddress, 4, ...ipBytes(p.requestedAddress));
  if (p.serverId) options.push(OPTION.serverId, 4, ...ipBytes(p.serverId));
  options.push(OPTION.parameterList, 3, 1, 3, 6); // subnet mask, router, DNS
  options.push(OPTION.end);
  // BOOTP's minimum of 300 bytes, which some servers and relays still insist on.
  const packet = Buffer.concat([fixed, Buffer.from(options)]);
  return packet.length >= 300 ? packet : Buffer.concat([packet, Buffer.alloc(300 - packet.length)]);
}

/** A server's reply, or null when the datagram is not a DHCP reply. */
export function decodeDhcpReply(packet: Buffer): DhcpReply | null {
  if (packet.length < 240 || packet.readUInt8(0) !== 2 || packet.readUInt32BE(236) !== MAGIC_COOKIE) return null;
  let type: DhcpMessageType | null = null;
  let serverId: string | null = null;
  for (let at = 240; at < packet.length;) {
    const code = packet.readUInt8(at);
    if (code === OPTION.end) break;
    if (code === OPTION.pad) {
      at++;
      continue;
    }
    if (at + 1 >= packet.length) break;
    const length = packet.readUInt8(at + 1);
    const value = packet.subarray(at + 2, at + 2 + length);
    if (value.length < length) break;
    if (code === OPTION.messageType && length === 1) type = TYPES[value[0] - 1] ?? null;
    if (code === OPTION.serverId && length === 4) serverId = ipText(value);
    at += 2 + length;
  }
  const hlen = Math.min(packet.readUInt8(2), 16);
  return {
    xid: packet.readUInt32BE(4),
    type,
    yiaddr: ipText(packet.subarray(16, 20)),
    mac: [...packet.subarray(28, 28 + hlen)].map((b) => b.toString(16).padStart(2, '0')).join(':'),
    serverId,
  };
}

export interface AddressRequest {
  /** Kea's `-p` port on 127.0.0.1. */
  serverPort: number;
  /** Kea's `-P` port: where its answers come, on the relay's address. */
  clientPort: number;
  mac: string;
  /** The relay address the request comes from and answers go to; default 127.0.0.1. */
  relay?: string;
  /** For each answer; default 2000 ms. */
  timeoutMs?: number;
}

/** The next reply with this xid and one of these types, or null after the timeout. */
function nextReply(socket: Socket, xid: number, types: DhcpMessageType[], timeoutMs: number): Promise<DhcpReply | null> {
  return new Promise((resolve) => {
    const onMessage = (packet: Buffer) => {
      const reply = decodeDhcpReply(packet);
      if (reply?.xid !== xid || !reply.type || !types.includes(reply.type)) return;
      finish(reply);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    const finish = (reply: DhcpReply | null) => {
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(reply);
    };
    socket.on('message', onMessage);
  });
}

/**
 * DISCOVER → OFFER → REQUEST → ACK for one MAC, as a relay on `relay` would forward them.
 * `offered` is null when no OFFER came within the timeout; `acked` is null when the server
 * answered the REQUEST with a NAK or not at all. One request at a time per client port: the
 * answers all come to that one port.
 */
export async function requestAddress(req: AddressRequest): Promise<{ offered: string | null; acked: string | null }> {
  const relay = req.relay ?? '127.0.0.1';
  const timeoutMs = req.timeoutMs ?? 2000;
  const socket = createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(req.clientPort, relay, () => resolve());
  });
  try {
    const xid = randomBytes(4).readUInt32BE(0);
    const send = (packet: Buffer) =>
      new Promise<void>((resolve, reject) => socket.send(packet, req.serverPort, '127.0.0.1', (err) => (err ? reject(err) : resolve())));
    const offerComing = nextReply(socket, xid, ['OFFER'], timeoutMs);
    await send(encodeDhcpRequest({ type: 'DISCOVER', xid, mac: req.mac, relay }));
    const offer = await offerComing;
    if (!offer) return { offered: null, acked: null };
    const ackComing = nextReply(socket, xid, ['ACK', 'NAK'], timeoutMs);
    await send(
      encodeDhcpRequest({
        type: 'REQUEST',
        xid,
        mac: req.mac,
        relay,
        requestedAddress: offer.yiaddr,
        serverId: offer.serverId ?? undefined,
      }),
    );
    const ack = await ackComing;
    return { offered: offer.yiaddr, acked: ack?.type === 'ACK' ? ack.yiaddr : null };
  } finally {
    await new Promise<void>((resolve) => socket.close(() => resolve()));
  }
}
