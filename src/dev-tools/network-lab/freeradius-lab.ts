import type { ChildProcess } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { clientsConf, defaultSite, mariadbClientOptions, radiusdConf, siteListens, sqlModule } from './freeradius-config';
import { databaseLogin, prepareDatabase } from './lab-database';
import { freeUdpPorts, launch, stopProcess } from './lab-process';
import { radiusAnswersStatus } from '../../network-sync/radius-status';

/** Debian's configuration, copied for each private instance. */
export const STOCK_RADDB = '/etc/freeradius/3.0';
export const FREERADIUS_BIN = '/usr/sbin/freeradius';
/** FreeRADIUS's own MySQL schema: radcheck, radreply, radacct, nas… */
export const RADIUS_SCHEMA = join(STOCK_RADDB, 'mods-config', 'sql', 'main', 'mysql', 'schema.sql');

/**
 * A database for FreeRADIUS on the server of `serverUrl`, created when missing (dropped first
 * with `recreate`), with FreeRADIUS's schema loaded when its tables are not there. Returns its URL.
 */
export function prepareRadiusDatabase(serverUrl: string, name: string, opts: { recreate?: boolean } = {}): Promise<string> {
  return prepareDatabase(serverUrl, name, opts, {
    hasSchema: (tables) => tables.includes('radcheck'),
    loadSchema: async (databaseUrl) => {
      const conn = await createConnection({ uri: databaseUrl, multipleStatements: true });
      try {
        await conn.query(readFileSync(RADIUS_SCHEMA, 'utf8'));
      } finally {
        await conn.end();
      }
    },
  });
}

export interface FreeradiusOptions {
  /** Scratch directory: the configuration copy goes to `<dir>/raddb`, its logs and run files next to it. */
  dir: string;
  databaseUrl: string;
  /** The database server's Unix socket, used instead of the URL's host and port. */
  databaseSocket?: string;
  /** The shared secret of the one client configured, 127.0.0.1. */
  clientSecret: string;
  /** Also take clients from the `nas` table (read at start-up only). Default no. */
  readClients?: boolean;
  /** false (the default): the server's error lines also go to stderr. */
  quiet?: boolean;
  /** Where the server's output goes; default `<dir>/freeradius.log`. */
  logFile?: string;
}

export interface FreeradiusLab {
  host: '127.0.0.1';
  authPort: number;
  acctPort: number;
  secret: string;
  /** The running server (a new one after restart()). */
  readonly child: ChildProcess;
  logFile: string;
  /** SIGTERM; resolves once the process is gone. */
  stop(): Promise<void>;
  /** Stops the server if it runs, then starts it again on the same ports with the same configuration. */
  restart(): Promise<void>;
}

/** Writes the private configuration into `<dir>/raddb` and returns that directory. */
function writeConfiguration(dir: string, opts: FreeradiusOptions, ports: { authPort: number; acctPort: number }): string {
  const raddb = join(dir, 'raddb');
  // Regenerated whole at each start: a copy from an earlier run may be from another FreeRADIUS.
  rmSync(raddb, { recursive: true, force: true });
  // verbatimSymlinks: the stock sites-enabled/ and mods-enabled/ entries are relative links,
  // which fs.cp would otherwise turn into absolute links back to /etc.
  cpSync(STOCK_RADDB, raddb, { recursive: true, verbatimSymlinks: true });
  for (const sub of ['log', 'run']) mkdirSync(join(dir, sub), { recursive: true });

  const file = (path: string) => join(raddb, path);
  writeFileSync(
    file('radiusd.conf'),
    radiusdConf(readFileSync(file('radiusd.conf'), 'utf8'), { raddbDir: raddb, logDir: join(dir, 'log'), runDir: join(dir, 'run') }),
  );
  writeFileSync(file('clients.conf'), clientsConf(opts.clientSecret));

  for (const site of readdirSync(file('sites-enabled'))) {
    const path = file(join('sites-enabled', site));
    const text = readFileSync(path, 'utf8');
    rmSync(path);
    if (site === 'default') writeFileSync(path, defaultSite(text, { host: '127.0.0.1', ...ports }));
    // inner-tunnel and the like listen on fixed ports: a second instance could not start.
    else if (!siteListens(text)) writeFileSync(path, text);
  }
  const sql = file(join('mods-enabled', 'sql'));
  if (lstatSync(sql, { throwIfNoEntry: false })) rmSync(sql);
  writeFileSync(
    sql,
    sqlModule({ database: databaseLogin(opts.databaseUrl), socket: opts.databaseSocket, readClients: opts.readClients ?? false }),
  );
  if (opts.databaseSocket) writeFileSync(join(dir, 'my.cnf'), mariadbClientOptions(opts.databaseSocket));
  return raddb;
}

/**
 * A FreeRADIUS of its own: a copy of the stock configuration in `dir`, listening on 127.0.0.1
 * only, on two UDP ports free at the time, authenticating and accounting against its own
 * database (radcheck, radreply, radacct…). Resolves once it answers Status-Server (about
 * 0.2 s); rejects with the end of its log when it exits during start-up (a database it
 * cannot reach does that at once).
 */
export async function startFreeradius(opts: FreeradiusOptions): Promise<FreeradiusLab> {
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  const [authPort, acctPort] = await freeUdpPorts(2);
  const raddb = writeConfiguration(dir, opts, { authPort, acctPort });
  const logFile = opts.logFile ?? join(dir, 'freeradius.log');
  const start = () =>
    launch({
      name: 'freeradius',
      command: FREERADIUS_BIN,
      args: ['-f', '-l', 'stdout', '-d', raddb],
      // The MariaDB client library reads $MARIADB_HOME/my.cnf, which names the socket when there is one.
      env: { ...process.env, ...(opts.databaseSocket ? { MARIADB_HOME: dir } : {}) },
      cwd: dir,
      logFile,
      quiet: opts.quiet ?? false,
      ready: () => radiusAnswersStatus('127.0.0.1', authPort, opts.clientSecret, 200),
    });
  let child = await start();
  return {
    host: '127.0.0.1',
    authPort,
    acctPort,
    secret: opts.clientSecret,
    get child() {
      return child;
    },
    logFile,
    stop: () => stopProcess(child),
    restart: async () => {
      await stopProcess(child);
      child = await start();
    },
  };
}
