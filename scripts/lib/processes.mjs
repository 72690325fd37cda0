// Child processes started by the dev and test commands, stopped together whatever happens.
import { spawn } from 'node:child_process';

const children = new Set();
let stopping = false;

export function start(name, command, args, { env = process.env, quiet = false, cwd } = {}) {
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.add(child);
  const prefix = `[${name}] `;
  const relay = (stream, out) => {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      if (!quiet) for (const line of lines) out.write(prefix + line + '\n');
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping && !quiet) process.stderr.write(`${prefix}exited (${signal ?? code})\n`);
  });
  return child;
}

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export function run(command, args, { env = process.env, cwd, stdio = 'inherit' } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

export const isStopping = () => stopping;

export async function stopAll() {
  stopping = true;
  const waits = [...children].map(
    (child) =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          resolve();
        }
      }),
  );
  await Promise.all(waits);
}

export function stopOnSignals(onStop) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, async () => {
      process.stderr.write(`\nStopping (${signal})…\n`);
      await stopAll();
      await onStop?.();
      process.exit(130);
    });
  }
}
