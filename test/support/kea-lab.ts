import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { KeaLab, prepareKeaDatabase, startKea } from '../../src/dev-tools/network-lab/kea-lab';
import { keaCommand } from '../../src/network-sync/kea-control';
import { requestAddress } from './dhcp-client';

export interface KeaTestLab {
  server: KeaLab;
  /** The body that makes Backhaul a client of this server: POST it to /api/dhcp-servers with the subnets. */
  dhcpServer: (
    name: string,
    subnetIds: number[],
  ) => { name: string; hostsDatabaseUrl: string; controlSocket: string; relayAddresses: string[]; subnetIds: number[] };
  /** DISCOVER → OFFER → REQUEST → ACK from the MAC, relayed from 127.0.0.1. */
  request(mac: string): Promise<{ offered: string | null; acked: string | null }>;
  /** The subnets Kea serves now, from its running configuration. */
  subnets(): Promise<{ id: number; subnet: string }[]>;
  rows(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** A Kea DHCPv4 server of the suite's own, with no subnet until Backhaul gives it some, on a database it drops afterwards. */
export async function startKeaLab(): Promise<KeaTestLab> {
  const serverUrl = process.env.DATABASE_URL as string;
  const name = `${new URL(serverUrl).pathname.slice(1)}_kea_${randomBytes(4).toString('hex')}`;
  const scratch = mkdtempSync(join(process.env.TEST_SCRATCH_DIR ?? tmpdir(), 'kea-'));
  const databaseUrl = await prepareKeaDatabase(serverUrl, name);
  const server = await startKea({ dir: scratch, databaseUrl, quiet: true });
  const db = await createConnection(databaseUrl);
  return {
    server,
    dhcpServer: (serverName, subnetIds) => ({
      name: serverName,
      hostsDatabaseUrl: databaseUrl,
      controlSocket: server.controlSocket,
      relayAddresses: ['127.0.0.1'],
      subnetIds,
    }),
    request: (mac) => requestAddress({ serverPort: server.serverPort, clientPort: server.clientPort, mac, timeoutMs: 1500 }),
    subnets: async () => {
      const answer = await keaCommand(server.controlSocket, 'config-get');
      return ((answer.arguments as { Dhcp4: { subnet4: { id: number; subnet: string }[] } }).Dhcp4.subnet4 ?? []).map((s) => ({
        id: s.id,
        subnet: s.subnet,
      }));
    },
    rows: async (sql, params = []) => (await db.query(sql, params))[0] as Record<string, unknown>[],
    close: async () => {
      await server.stop();
      await db.end();
      const admin = await createConnection(new URL('/', serverUrl).toString());
      try {
        await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await admin.end();
      }
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
