import { createConnection as connectUnix } from 'node:net';

/** One answer of Kea's control channel. */
export interface KeaAnswer {
  /** 0 success, 1 error, 2 unsupported command, 3 empty (nothing found). */
  result: number;
  text?: string;
  arguments?: Record<string, unknown>;
}

/**
 * Sends one command on Kea's Unix control socket and resolves with its answer. Kea answers
 * once and closes the connection, so the answer is whatever arrives before the end.
 */
export function keaCommand(controlSocket: string, command: string, args?: Record<string, unknown>, timeoutMs = 10_000): Promise<KeaAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connectUnix(controlSocket);
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`Kea did not answer "${command}" within ${timeoutMs} ms`)));
    socket.once('connect', () => socket.write(JSON.stringify(args === undefined ? { command } : { command, arguments: args })));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('error', reject);
    socket.once('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(JSON.parse(text) as KeaAnswer);
      } catch {
        reject(new Error(`Kea's answer to "${command}" is not JSON: ${text.slice(0, 200)}`));
      }
    });
  });
}
