// Set-up shared by `npm run dev` and `npm test`: it installs what is missing and fails fast,
// with a sentence saying what to do, when something it cannot install is absent.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { run, start } from './processes.mjs';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';
// BillingDay is the billing date as text, for exact matches; BillingDate stays registered because a
// server's persisted database already holds it as a Datetime, whose type cannot change.
export const SEARCH_ATTRIBUTES = ['AccountId=Int', 'InvoiceId=Int', 'BillingDate=Datetime', 'BillingDay=Keyword', 'AccountIds=KeywordList'];
export const STRIPE_MOCK_MODULE = 'github.com/stripe/stripe-mock@latest';

export function fail(message) {
  process.stderr.write(`\n✖ ${message}\n\n`);
  process.exit(1);
}

export function step(message) {
  process.stdout.write(`• ${message}\n`);
}

/** Reads .env (KEY=VALUE lines) without overriding what the shell already set. */
export function loadDotEnv() {
  const file = join(ROOT, '.env');
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (match && process.env[match[1]] === undefined) process.env[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
}

export function canConnect(host, port, timeoutMs = 3000) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function requireDatabase(databaseUrl) {
  let url;
  try {
    url = new URL(databaseUrl);
    if (url.protocol !== 'mysql:') throw new Error('not mysql');
  } catch {
    fail(`DATABASE_URL is not a mysql:// URL: "${databaseUrl}". Set it like mysql://root@127.0.0.1:3306/backhaul.`);
  }
  const port = Number(url.port || 3306);
  if (!(await canConnect(url.hostname, port))) {
    fail(
      `Cannot reach MariaDB/MySQL at ${url.hostname}:${port}.\n` +
        `  Start it (for example: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd),\n` +
        `  or set DATABASE_URL to a reachable server, e.g. DATABASE_URL=mysql://user:pass@host:3306/backhaul.`,
    );
  }
}

/**
 * The database server's Unix socket, to pass on as DATABASE_SOCKET, when the server runs on
 * this machine: it names its socket (@@socket) and a connection through it works. A statement
 * through a Unix socket costs both sides less CPU than through TCP. DATABASE_SOCKET set in the
 * environment wins (empty: TCP). Anything else, or any doubt: undefined, and TCP it is.
 */
export async function localDatabaseSocket(databaseUrl) {
  if (process.env.DATABASE_SOCKET !== undefined) return process.env.DATABASE_SOCKET || undefined;
  const url = new URL(databaseUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return undefined;
  const { default: mysql } = await import('mysql2/promise');
  const login = { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  const ask = async (options) => {
    const connection = await mysql.createConnection({ ...login, ...options, connectTimeout: 3000 });
    try {
      const [[row]] = await connection.query('SELECT @@socket AS socket');
      return row.socket;
    } finally {
      await connection.end();
    }
  };
  try {
    const socket = await ask({ host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 3306) });
    if (!socket || !statSync(socket).isSocket()) return undefined;
    // The same server through its socket, and the same login accepted there.
    return (await ask({ socketPath: socket })) === socket ? socket : undefined;
  } catch {
    return undefined;
  }
}

function which(command) {
  const result = spawnSync('/bin/sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** GO names a toolchain explicitly; otherwise PATH, then Go's default install folder. */
function findGo() {
  if (process.env.GO) return existsSync(process.env.GO) ? process.env.GO : null;
  return which('go') ?? (existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : null);
}

/** The Temporal CLI: on PATH, in Go's bin folder, or installed there with `go install`. */
export async function ensureTemporalCli() {
  const onPath = which('temporal');
  if (onPath) return onPath;
  const go = findGo();
  const gopath = go ? execFileSync(go, ['env', 'GOPATH'], { encoding: 'utf8' }).trim() : join(homedir(), 'go');
  const gobin = (go && execFileSync(go, ['env', 'GOBIN'], { encoding: 'utf8' }).trim()) || join(gopath, 'bin');
  const installed = join(gobin, 'temporal');
  if (existsSync(installed)) return installed;
  if (!go) {
    fail(
      'The Temporal CLI is not installed and there is no Go toolchain to build it.\n' +
        `  Install Go (https://go.dev/dl), then re-run; or install the CLI yourself: go install ${TEMPORAL_CLI_MODULE}`,
    );
  }
  step(`Installing the Temporal CLI (go install ${TEMPORAL_CLI_MODULE}); this takes a few minutes once`);
  await run(go, ['install', TEMPORAL_CLI_MODULE]);
  if (!existsSync(installed)) fail(`go install finished but ${installed} is missing`);
  return installed;
}

/** stripe-mock, Stripe's API simulator: on PATH, in Go's bin folder, or installed there with `go install`. */
export async function ensureStripeMock() {
  const onPath = which('stripe-mock');
  if (onPath) return onPath;
  const go = findGo();
  const gopath = go ? execFileSync(go, ['env', 'GOPATH'], { encoding: 'utf8' }).trim() : join(homedir(), 'go');
  const gobin = (go && execFileSync(go, ['env', 'GOBIN'], { encoding: 'utf8' }).trim()) || join(gopath, 'bin');
  const installed = join(gobin, 'stripe-mock');
  if (existsSync(installed)) return installed;
  if (!go) {
    fail(
      'stripe-mock is not installed and there is no Go toolchain to build it.\n' +
        `  Install Go (https://go.dev/dl), then re-run; or install it yourself: go install ${STRIPE_MOCK_MODULE}`,
    );
  }
  step(`Installing stripe-mock (go install ${STRIPE_MOCK_MODULE})`);
  await run(go, ['install', STRIPE_MOCK_MODULE]);
  if (!existsSync(installed)) fail(`go install finished but ${installed} is missing`);
  return installed;
}

/**
 * Starts stripe-mock on a port (plain HTTP only) and waits until it answers.
 * It is stateless: every object it returns is a canned fixture shaped by the request.
 */
export async function startStripeMock(bin, { port, quiet = false }) {
  const child = start('stripe-mock', bin, ['-http-port', String(port)], { quiet });
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor(`stripe-mock on :${port}`, async () => {
    if (exited) throw new Error('stripe-mock exited during start-up');
    return canConnect('127.0.0.1', port, 500);
  });
  return `http://127.0.0.1:${port}`;
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** npm dependencies, installed from the lockfile when absent or older than it. */
export async function ensureNodeModules() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  step('Installing npm dependencies (npm ci)');
  await run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: ROOT });
}

/** Compiles the API and worker when any TypeScript source is newer than the build. */
export async function buildServer() {
  const built = join(ROOT, 'dist', 'src', 'main.js');
  const sources = Math.max(
    newestMtime(join(ROOT, 'src')),
    newestMtime(join(ROOT, 'workflows')),
    newestMtime(join(ROOT, 'package-lock.json')),
  );
  const bundle = join(ROOT, 'dist', 'workflow-bundle.js');
  if (existsSync(built) && statSync(built).mtimeMs >= sources && existsSync(bundle) && statSync(bundle).mtimeMs >= sources) return;
  step('Compiling the API and worker');
  await run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT });
  // Workers then start from this bundle instead of running webpack each time.
  await run(process.execPath, [join(ROOT, 'dist', 'src', 'cli', 'bundle-workflows.js')], { cwd: ROOT });
}

/** Builds the admin panel when its sources are newer than the build. */
export async function buildAdmin() {
  const built = join(ROOT, 'admin', 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(join(ROOT, 'admin', 'src')),
    newestMtime(join(ROOT, 'admin', 'index.html')),
    newestMtime(join(ROOT, 'admin', 'sign.html')),
    newestMtime(join(ROOT, 'admin', 'vite.config.ts')),
    newestMtime(join(ROOT, 'package-lock.json')),
  );
  const signingPage = join(ROOT, 'admin', 'dist', 'sign.html');
  if (existsSync(built) && existsSync(signingPage) && Math.min(statSync(built).mtimeMs, statSync(signingPage).mtimeMs) >= sources) return;
  step('Building the admin panel');
  await run('npm', ['run', 'build', '--workspace', 'admin'], { cwd: ROOT });
}

// Another apt-get (a second set-up running at once, unattended upgrades) holds dpkg's lock for a
// while; waiting for it is better than failing the run.
const APT_WAIT = ['-o', 'DPkg::Lock::Timeout=600'];

/** Debian's Chromium for the browser tests, installed with apt-get when missing. */
export async function ensureChromium() {
  const found = process.env.CHROMIUM_PATH ?? which('chromium') ?? which('chromium-browser');
  if (found) return found;
  if (process.getuid?.() !== 0 || !which('apt-get')) {
    fail('Chromium is needed for the browser tests. Install it (apt-get install chromium) or set CHROMIUM_PATH.');
  }
  step('Installing Chromium from Debian packages (apt-get install chromium)');
  await run('apt-get', [...APT_WAIT, 'update', '-qq']);
  await run('apt-get', [...APT_WAIT, 'install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return which('chromium') ?? fail('apt-get installed chromium but it is not on PATH');
}

/** Debian's poppler-utils, whose pdftotext the document tests read PDFs with; installed with apt-get when missing. */
export async function ensurePdftotext() {
  const found = process.env.PDFTOTEXT_PATH ?? which('pdftotext');
  if (found) return found;
  if (process.getuid?.() !== 0 || !which('apt-get')) {
    fail('pdftotext is needed for the document tests. Install it (apt-get install poppler-utils) or set PDFTOTEXT_PATH.');
  }
  step('Installing pdftotext from Debian packages (apt-get install poppler-utils)');
  await run('apt-get', [...APT_WAIT, 'update', '-qq']);
  await run('apt-get', [...APT_WAIT, 'install', '-y', '-qq', 'poppler-utils'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return which('pdftotext') ?? fail('apt-get installed poppler-utils but pdftotext is not on PATH');
}

/** Installs Debian packages with apt-get, or fails saying what to install when this process cannot. */
async function aptInstall(packages, neededFor) {
  if (process.getuid?.() !== 0 || !which('apt-get')) {
    fail(`${neededFor}. Install them as root (apt-get install ${packages.join(' ')}), or run this as root on Debian or Ubuntu.`);
  }
  step(`Installing ${packages.join(', ')} from Debian packages (apt-get install)`);
  await run('apt-get', [...APT_WAIT, 'update', '-qq']);
  await run('apt-get', [...APT_WAIT, 'install', '-y', '-qq', ...packages], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

// Both packages' postinst scripts start the system's own service where they can (here, without
// systemd, invoke-rc.d declines). Where one does start, it holds 1812/1813 and 18120 (FreeRADIUS)
// or its own socket under /run/kea; the private instances of src/dev-tools/network-lab take
// free ports and sockets of their own, so the two live side by side.

export const FREERADIUS_BIN = '/usr/sbin/freeradius';
const FREERADIUS_MYSQL_DRIVER = '/usr/lib/freeradius/rlm_sql_mysql.so';

/** FreeRADIUS with its MySQL driver and radtest/radclient, for the network lab; installed with apt-get when missing. */
export async function ensureFreeradius() {
  if (existsSync(FREERADIUS_BIN) && existsSync(FREERADIUS_MYSQL_DRIVER) && which('radtest')) return FREERADIUS_BIN;
  await aptInstall(
    ['freeradius', 'freeradius-mysql', 'freeradius-utils'],
    'FreeRADIUS (freeradius, freeradius-mysql, freeradius-utils) is needed for the RADIUS tests and `npm run dev`',
  );
  if (!existsSync(FREERADIUS_BIN) || !existsSync(FREERADIUS_MYSQL_DRIVER) || !which('radtest')) {
    fail(`apt-get installed FreeRADIUS but ${FREERADIUS_BIN}, ${FREERADIUS_MYSQL_DRIVER} or radtest is missing`);
  }
  return FREERADIUS_BIN;
}

export const KEA_DHCP4_BIN = '/usr/sbin/kea-dhcp4';
export const KEA_ADMIN_BIN = '/usr/sbin/kea-admin';

/** Kea's DHCPv4 server and kea-admin (which makes its database schema), for the network lab; installed with apt-get when missing. */
export async function ensureKea() {
  if (existsSync(KEA_DHCP4_BIN) && existsSync(KEA_ADMIN_BIN)) return KEA_DHCP4_BIN;
  await aptInstall(['kea-dhcp4-server', 'kea-admin'], 'Kea (kea-dhcp4-server, kea-admin) is needed for the DHCP tests and `npm run dev`');
  if (!existsSync(KEA_DHCP4_BIN) || !existsSync(KEA_ADMIN_BIN)) {
    fail(`apt-get installed Kea but ${KEA_DHCP4_BIN} or ${KEA_ADMIN_BIN} is missing`);
  }
  return KEA_DHCP4_BIN;
}

export const DOVECOT_BIN = '/usr/sbin/dovecot';

/**
 * Dovecot's IMAP server, which the inbound-mail tests and `npm run dev` start privately
 * (scripts/lib/dovecot.mjs); installed with apt-get when missing. The package's postinst starts
 * the system's own service where it can (not without systemd); a private instance takes a free
 * port of its own on loopback, so the two live side by side.
 */
export async function ensureDovecot() {
  if (existsSync(DOVECOT_BIN) && existsSync('/usr/lib/dovecot/imap')) return DOVECOT_BIN;
  await aptInstall(['dovecot-imapd'], 'Dovecot (dovecot-imapd) is needed for the inbound-mail tests and `npm run dev`');
  if (!existsSync(DOVECOT_BIN) || !existsSync('/usr/lib/dovecot/imap'))
    fail(`apt-get installed dovecot-imapd but ${DOVECOT_BIN} is missing`);
  return DOVECOT_BIN;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(description, probe, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`Timed out waiting for ${description}`);
}
