import { createSocket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { type DaReply, verifyDaReply } from './dynamic-authorization';

/**
 * Sends one request to a NAS and waits up to `timeoutMs` for its answer: the verified reply, or
 * null when none came (nothing listening, a lost packet, or a reply signed with another secret,
 * which is dropped as RFC 5176 says). One transmission: the caller decides when to send again.
 */
export function exchangeWithNas(host: string, port: number, request: Buffer, secret: string, timeoutMs: number): Promise<DaReply | null> {
  const socket = createSocket(isIPv6(host) ? 'udp6' : 'udp4');
  return new Promise<DaReply | null>((resolve) => {
    let settled = false;
    const done = (reply: DaReply | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.close();
      resolve(reply);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    // Connected, so replies from anyone else are never read; a refused port is an error, which is no answer.
    socket.on('error', () => done(null));
    socket.on('message', (reply) => {
      const verified = verifyDaReply(reply, request, secret);
      if (verified) done(verified);
    });
    socket.connect(port, host, () => socket.send(request));
  });
}
