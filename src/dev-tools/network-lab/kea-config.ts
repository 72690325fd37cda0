import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseLogin } from './lab-database';

// Kea's configuration for a private DHCPv4 server, as a value: built here, written by kea-lab.ts.

export interface KeaSubnet {
  /** Kea's subnet id: what hosts.dhcp4_subnet_id names. */
  id: number;
  /** e.g. 100.64.0.0/24 */
  subnet: string;
  /** Dynamic ranges, "100.64.0.100 - 100.64.0.199" or "100.64.0.128/25"; none: reservations only. */
  pools?: string[];
  /**
   * The relay (giaddr) addresses whose requests this subnet answers; default 127.0.0.1. On
   * loopback every request arrives relayed, and without a matching relay Kea selects no subnet.
   */
  relays?: string[];
}

export interface KeaConfigOptions {
  database: DatabaseLogin;
  controlSocket: string;
  logFile: string;
  /** The memfile lease file. */
  leaseFile: string;
  subnets: KeaSubnet[];
}

/** Kea's JSON for one subnet, as config-get shows it and config-set takes it. */
export function keaSubnet(subnet: KeaSubnet): Record<string, unknown> {
  return {
    id: subnet.id,
    subnet: subnet.subnet,
    pools: (subnet.pools ?? []).map((pool) => ({ pool })),
    relay: { 'ip-addresses': subnet.relays ?? ['127.0.0.1'] },
  };
}

/** The whole `{ Dhcp4: … }` document. */
export function keaConfig(opts: KeaConfigOptions): { Dhcp4: Record<string, unknown> } {
  const db = opts.database;
  return {
    Dhcp4: {
      // Kea's default raw sockets refuse loopback: it logs so and then runs with no socket at all.
      'interfaces-config': { interfaces: ['lo'], 'dhcp-socket-type': 'udp' },
      'control-socket': { 'socket-type': 'unix', 'socket-name': opts.controlSocket },
      // Persisted, so that a restart keeps the leases as a real server does (a client keeps its
      // address). No lease-file cleanup (lfc-interval 0): it would be one more process, kea-lfc,
      // for a file that grows by a line per lease.
      'lease-database': { type: 'memfile', persist: true, name: opts.leaseFile, 'lfc-interval': 0 },
      'hosts-database': { type: 'mysql', name: db.database, host: db.host, port: db.port, user: db.user, password: db.password },
      // Reservations by MAC address only: hosts.dhcp_identifier_type 0.
      'host-reservation-identifiers': ['hw-address'],
      subnet4: opts.subnets.map(keaSubnet),
      loggers: [
        {
          name: 'kea-dhcp4',
          severity: 'INFO',
          output_options: [{ output: opts.logFile, flush: true }],
        },
      ],
    },
  };
}

/** Unix socket paths longer than this do not fit sockaddr_un (108 bytes with the terminating zero). */
export const MAX_SOCKET_PATH = 107;

/**
 * Where the control socket goes: `<dir>/kea.sock`, or, when `dir` is too deep for a Unix
 * socket, a short path under the temporary directory that stays the same for the same `dir`
 * (so a restarted server is reached where the first one was).
 */
export function controlSocketPath(dir: string, temporaryDir = tmpdir()): string {
  const inDir = join(dir, 'kea.sock');
  if (Buffer.byteLength(inDir) < MAX_SOCKET_PATH) return inDir;
  const short = join(temporaryDir, `kea-${createHash('sha256').update(dir).digest('hex').slice(0, 12)}.sock`);
  if (Buffer.byteLength(short) >= MAX_SOCKET_PATH) throw new Error(`no place for Kea's control socket: ${short} is too long too`);
  return short;
}
