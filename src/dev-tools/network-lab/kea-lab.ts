import { ChildProcess, execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { keaCommand } from '../../network-sync/kea-control';
import { controlSocketPath, keaConfig, KeaSubnet } from './kea-config';
import { databaseLogin, prepareDatabase } from './lab-database';
import { freeUdpPorts, launch, stopProcess, tail } from './lab-process';

export type { KeaSubnet } from './kea-config';

export const KEA_DHCP4_BIN = '/usr/sbin/kea-dhcp4';
export const KEA_ADMIN_BIN = '/usr/sbin/kea-admin';

/**
 * A database for Kea's host reservations on the server of `serverUrl`, created when missing
 * (dropped first with `recreate`), with Kea's schema made by `kea-admin db-init` when it is not
 * there yet (about 1 to 3 s). Returns its URL.
 */
export function prepareKeaDatabase(serverUrl: string, name: string, opts: { recreate?: boolean } = {}): Promise<string> {
  return prepareDatabase(serverUrl, name, opts, {
    hasSchema: (tables) => tables.includes('schema_version'),
    loadSchema: async (databaseUrl) => {
      const db = databaseLogin(databaseUrl);
      // `-p ''` even for no password: without -p, kea-admin uses a built-in password of its own.
      const args = ['db-init', 'mysql', '-u', db.user, '-p', db.password, '-h', db.host, '-P', String(db.port), '-n', db.database];
      try {
        await promisify(execFile)(KEA_ADMIN_BIN, args, { timeout: 60_000 });
      } catch (err) {
        const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
        throw new Error(`kea-admin db-init failed for ${db.database}:\n${tail(`${stdout}\n${stderr}`)}`);
      }
    },
  });
}

export interface KeaOptions {
  /** Scratch directory: configuration, lease file, pid and lock files. */
  dir: string;
  databaseUrl: string;
  /** false (the default): the server's error lines on stdout/stderr also go to the terminal. */
  quiet?: boolean;
  subnets?: KeaSubnet[];
  /** Kea's log; default `<dir>/kea-dhcp4.log`. */
  logFile?: string;
}

export interface KeaLab {
  /** Where Kea receives DHCP (`-p`): send relayed requests to 127.0.0.1 on this port. */
  serverPort: number;
  /** Where Kea sends its answers (`-P`), to the relay's address. */
  clientPort: number;
  controlSocket: string;
  /** The configuration file Kea was started with; config-write without a filename writes here. */
  configFile: string;
  /** The running server (a new one after restart()). */
  readonly child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
  /**
   * Stops the server if it runs and starts it again on the same ports, from its configuration
   * file as it is then (config-write may have changed it), with its leases.
   */
  restart(): Promise<void>;
}

/**
 * A Kea DHCPv4 server of its own, on loopback, on UDP ports free at the time, taking host
 * reservations from its own database and answering requests relayed from 127.0.0.1 for the
 * given subnets. Resolves once its control socket answers status-get (well under a second).
 */
export async function startKea(opts: KeaOptions): Promise<KeaLab> {
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  const [serverPort, clientPort] = await freeUdpPorts(2);
  const controlSocket = controlSocketPath(dir);
  const logFile = opts.logFile ?? join(dir, 'kea-dhcp4.log');
  const configFile = join(dir, 'kea-dhcp4.json');
  const config = keaConfig({
    database: databaseLogin(opts.databaseUrl),
    controlSocket,
    logFile,
    leaseFile: join(dir, 'leases4.csv'),
    subnets: opts.subnets ?? [],
  });
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  const start = () => {
    // Kea writes its log itself once configured; what it prints before, and why it stopped, comes on stdout/stderr.
    const logged = () => (existsSync(logFile) ? tail(readFileSync(logFile, 'utf8'), 15) : '');
    return launch({
      name: 'kea-dhcp4',
      command: KEA_DHCP4_BIN,
      args: ['-c', configFile, '-p', String(serverPort), '-P', String(clientPort)],
      // The default pid and lock directory, /run/kea, is missing unless the package's service made it.
      env: { ...process.env, KEA_PIDFILE_DIR: dir, KEA_LOCKFILE_DIR: dir },
      cwd: dir,
      logFile: join(dir, 'kea-dhcp4.out'),
      quiet: opts.quiet ?? false,
      // The pid tells this Kea from one left running on the same socket, which would answer too.
      ready: async (child) => (await keaCommand(controlSocket, 'status-get', undefined, 1000)).arguments?.pid === child.pid,
      moreOutput: logged,
    });
  };
  let child = await start();
  return {
    serverPort,
    clientPort,
    controlSocket,
    configFile,
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
