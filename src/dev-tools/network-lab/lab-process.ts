import { ChildProcess, spawn } from 'node:child_process';
import { createSocket, Socket } from 'node:dgram';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface LaunchOptions {
  /** How the server is named in messages and on the terminal. */
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Everything the server prints is appended here. */
  logFile: string;
  /** false: the server's error lines also go to stderr, prefixed with its name. */
  quiet: boolean;
  /** Whether this server (not a leftover one at the same address) answers yet; called every 50 ms until it does. */
  ready: (child: ChildProcess) => Promise<boolean>;
  /** What to show, besides its own output, when the server fails to start (e.g. the tail of a log file it writes itself). */
  moreOutput?: () => string;
  timeoutMs?: number;
}

const ERROR_LINE = /\b(error|fatal)\b/i;

/** The last lines of a text, for messages. */
export function tail(text: string, lines = 25): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Starts a server in a process group of its own (so `npm run dev`'s stopAll, which signals
 * groups, stops it with the rest) and resolves once `ready` says so. Should it exit first, or
 * not be ready in time, this rejects with the end of its output.
 */
export async function launch(opts: LaunchOptions): Promise<ChildProcess> {
  mkdirSync(dirname(opts.logFile), { recursive: true });
  const child = spawn(opts.command, opts.args, { env: opts.env, cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const relay = (stream: NodeJS.ReadableStream) => {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      output = (output + text).slice(-8000);
      appendFileSync(opts.logFile, text);
      if (opts.quiet) return;
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (ERROR_LINE.test(line)) process.stderr.write(`[${opts.name}] ${line}\n`);
    });
  };
  relay(child.stdout as NodeJS.ReadableStream);
  relay(child.stderr as NodeJS.ReadableStream);
  // Being in a group of its own, the server outlives this process unless told: a jest worker
  // torn down hard, or a dev command that crashed, must not leave it holding its ports.
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.on('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));

  const failure = (why: string) => {
    const more = opts.moreOutput?.().trim();
    return new Error(`${opts.name} ${why}:\n${tail(output) || '(no output)'}${more ? `\n${tail(more)}` : ''}`);
  };
  let spawnError: Error | null = null;
  child.once('error', (err) => (spawnError = err));
  let closed = false;
  child.once('close', () => (closed = true));
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  for (;;) {
    if (spawnError) throw new Error(`${opts.name} could not be started (${opts.command}): ${(spawnError as Error).message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      // Its last words (why it stopped) may still be in the pipes when the exit is seen.
      if (!closed) await Promise.race([new Promise((r) => child.once('close', r)), new Promise((r) => setTimeout(r, 1000))]);
      throw failure(`exited during start-up (${child.signalCode ?? `exit ${child.exitCode}`})`);
    }
    if (await opts.ready(child).catch(() => false)) return child;
    if (Date.now() > deadline) {
      await stopProcess(child);
      throw failure(`was not ready after ${Math.round((opts.timeoutMs ?? 20_000) / 1000)} s`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    killGroup(child, 'SIGTERM');
  });
}

/**
 * `count` distinct UDP ports free on 127.0.0.1 right now. They are held together while
 * chosen, so two calls in one start cannot return the same port twice.
 */
export async function freeUdpPorts(count: number): Promise<number[]> {
  const sockets: Socket[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const socket = createSocket('udp4');
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.bind(0, '127.0.0.1', () => resolve());
      });
    }
    return sockets.map((socket) => socket.address().port);
  } finally {
    await Promise.all(sockets.map((socket) => new Promise<void>((resolve) => socket.close(() => resolve()))));
  }
}
