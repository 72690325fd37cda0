import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';

// RFC 5997 Status-Server: whether a RADIUS server is up, knows us as a client and shares our
// secret. Provisioning asks before writing, so while the server is down its changes wait in
// Temporal, visibly, instead of landing in a database nobody reads; the lab asks it to know when
// a FreeRADIUS it started is ready. Written out here because the `radius` package signs a
// Status-Server so that FreeRADIUS drops it.

const STATUS_SERVER = 12;
const ACCESS_ACCEPT = 2;
const MESSAGE_AUTHENTICATOR = 80;

/** A Status-Server request; RFC 5997 requires its Message-Authenticator. */
export function statusServerRequest(secret: string, id: number, authenticator: Buffer): Buffer {
  const packet = Buffer.alloc(20 + 18);
  packet.writeUInt8(STATUS_SERVER, 0);
  packet.writeUInt8(id & 0xff, 1);
  packet.writeUInt16BE(packet.length, 2);
  authenticator.copy(packet, 4, 0, 16);
  packet.writeUInt8(MESSAGE_AUTHENTICATOR, 20);
  packet.writeUInt8(18, 21);
  // HMAC-MD5 over the whole packet with the attribute's value still zero.
  createHmac('md5', secret).update(packet).digest().copy(packet, 22);
  return packet;
}

/**
 * Whether `reply` is the server's Access-Accept to `request`: same id, and a Response
 * Authenticator that only the holder of the same secret could compute.
 */
export function isStatusAccept(reply: Buffer, request: Buffer, secret: string): boolean {
  if (reply.length < 20 || reply.readUInt8(0) !== ACCESS_ACCEPT || reply.readUInt8(1) !== request.readUInt8(1)) return false;
  const length = reply.readUInt16BE(2);
  if (length < 20 || length > reply.length) return false;
  const expected = createHash('md5')
    .update(reply.subarray(0, 4))
    .update(request.subarray(4, 20))
    .update(reply.subarray(20, length))
    .update(secret)
    .digest();
  return expected.equals(reply.subarray(4, 20));
}

/** Sends one Status-Server to host:port; true when the right answer comes within the timeout. */
export function radiusAnswersStatus(host: string, port: number, secret: string, timeoutMs = 500): Promise<boolean> {
  const request = statusServerRequest(secret, randomBytes(1)[0], randomBytes(16));
  const socket = createSocket('udp4');
  return new Promise<boolean>((resolve) => {
    let settled = false;
    const done = (ok: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.close();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    // Connected, so that nobody listening yet comes back at once as ECONNREFUSED rather than a wait.
    socket.on('error', () => done(false));
    socket.on('message', (reply) => {
      if (isStatusAccept(reply, request, secret)) done(true);
    });
    socket.connect(port, host, () => socket.send(request));
  });
}

/** Asks Status-Server and fails with a sentence an operator can act on when the right answer does not come. */
export async function askRadiusStatus(server: string, secret: string, timeoutMs = 2000): Promise<void> {
  const separator = server.lastIndexOf(':');
  const host = server.slice(0, separator);
  const port = Number(server.slice(separator + 1));
  if (!(await radiusAnswersStatus(host, port, secret, timeoutMs))) {
    throw new Error(
      `The RADIUS server at ${server} did not answer Status-Server within ${timeoutMs} ms (is it running, and does it know this client and secret?)`,
    );
  }
}
