// Child processes started by the dev and test commands, stopped together whatever happens.
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const children = new Set();
let stopping = false;
let logDir = null;

/**
 * From now on each started process writes everything to `<dir>/<name>.log`, and the terminal
 * shows only its warnings and errors, one readable line each, so what `npm run dev` prints last
 * stays on screen.
 */
export function logChildrenTo(dir) {
  mkdirSync(dir, { recursive: true });
  logDir = dir;
}

const LEVELS = { 40: 'warn', 50: 'error', 60: 'fatal' };

/** A line worth the terminal in one readable line, or null: pino JSON at warn and above, other tools' warnings and errors. */
export function importantLine(line) {
  if (line.startsWith('{')) {
    try {
      const entry = JSON.parse(line);
      const level = LEVELS[entry.level];
      if (!level) return null;
      const detail = entry.err?.message ?? entry.error?.message;
      return `${level.toUpperCase()} ${entry.context ? `${entry.context}: ` : ''}${entry.msg ?? ''}${detail ? ` (${detail})` : ''}`;
    } catch {
      return line;
    }
  }
  // The Temporal server logs each request its caller cancelled as an error, though nothing of the
  // workflow's state is lost (the caller retries); the log file keeps them.
  if (/error="context canceled"/.test(line)) return null;
  return /\b(warn|warning|error|fatal|panic)\b/i.test(line) && !/level=(info|debug)/i.test(line) ? line : null;
}

export function start(name, command, args, { env = process.env, quiet = false, cwd } = {}) {
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.label = name;
  children.add(child);
  const prefix = `[${name}] `;
  const logFile = logDir ? join(logDir, `${name.replace(/\s+/g, '-')}.log`) : null;
  const relay = (stream, out) => {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      if (logFile && lines.length) appendFileSync(logFile, lines.join('\n') + '\n');
      if (quiet) return;
      for (const line of lines) {
        const shown = logFile ? importantLine(line) : line;
        if (shown !== null) out.write(prefix + shown + '\n');
      }
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

/**
 * A child started elsewhere (the network lab starts its servers itself, in process groups of
 * their own) that stopAll stops with the rest.
 */
export function track(name, child) {
  child.label = name;
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) process.stderr.write(`[${name}] exited (${signal ?? code})\n`);
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

/** A line of /proc/<pid>/status in MiB: VmHWM is the kernel's high-water mark of resident memory, VmRSS the current. */
export function statusMiB(pid, field) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`));
    return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : NaN;
  } catch {
    return NaN;
  }
}
export const peakRssMiB = (pid) => statusMiB(pid, 'VmHWM');

/** CPU seconds a process has used so far (user and system), from /proc/<pid>/stat; NaN once it is gone. */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, in clock ticks of 1/100 s on Linux.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** The database server's process on this machine, when it runs here. */
function databasePid() {
  for (const name of ['mariadbd', 'mysqld']) {
    try {
      const pid = execFileSync('pgrep', ['-o', '-x', name], { encoding: 'utf8' }).trim();
      if (pid) return Number(pid);
    } catch {
      // not running under that name
    }
  }
  return null;
}

/**
 * Counts the CPU time of every process started here, the database server and this process
 * from now on; `read()` answers the seconds each used since, the busiest first. On two cores
 * this says who the stage's CPU went to.
 */
export function cpuMeter() {
  const watched = new Map([...children].filter((c) => c.label).map((c) => [c.label, c.pid]));
  const db = databasePid();
  if (db !== null) watched.set('MariaDB', db);
  watched.set('this benchmark', process.pid);
  const since = new Map([...watched].map(([name, pid]) => [name, cpuSeconds(pid)]));
  return {
    read: () =>
      [...watched]
        .map(([name, pid]) => ({ name, seconds: cpuSeconds(pid) - since.get(name) }))
        .filter((p) => Number.isFinite(p.seconds))
        .sort((a, b) => b.seconds - a.seconds),
  };
}

/** "API 41.2 s, MariaDB 30.1 s, …" */
export const describeCpu = (usage) => usage.map((p) => `${p.name} ${p.seconds.toFixed(1)} s`).join(', ');
