import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { FreeradiusLab, prepareRadiusDatabase, startFreeradius } from '../../src/dev-tools/network-lab/freeradius-lab';

export interface RadiusLab {
  server: FreeradiusLab;
  databaseUrl: string;
  /** The settings that point a test app at this server. */
  config: { RADIUS_DATABASE_URL: string; RADIUS_SERVER: string; RADIUS_SECRET: string };
  /** `radtest` against the server: the reply's code and attributes as radtest printed them. */
  radtest(username: string, password: string): Promise<{ accepted: boolean; output: string }>;
  /**
   * Accounting-Requests sent with `radclient`, one after another (`Attribute = value` pairs, as
   * radclient reads them); resolves with radclient's output once the server answered each,
   * rejects when it did not.
   */
  account(packets: Record<string, string | number> | Record<string, string | number>[]): Promise<string>;
  /** Rows of one FreeRADIUS table, straight from its database. */
  rows(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/**
 * A FreeRADIUS of the suite's own, on a database of its own on the run's server: suites running
 * side by side would otherwise repair each other's users away.
 */
export async function startRadiusLab(): Promise<RadiusLab> {
  const serverUrl = process.env.DATABASE_URL as string;
  const name = `${new URL(serverUrl).pathname.slice(1)}_radius_${randomBytes(4).toString('hex')}`;
  const secret = `lab-${randomBytes(6).toString('hex')}`;
  const scratch = mkdtempSync(join(process.env.TEST_SCRATCH_DIR ?? tmpdir(), 'radius-'));
  const databaseUrl = await prepareRadiusDatabase(serverUrl, name);
  const server = await startFreeradius({ dir: scratch, databaseUrl, clientSecret: secret, quiet: true });
  const db = await createConnection(databaseUrl);
  return {
    server,
    databaseUrl,
    config: { RADIUS_DATABASE_URL: databaseUrl, RADIUS_SERVER: `127.0.0.1:${server.authPort}`, RADIUS_SECRET: secret },
    radtest: (username, password) =>
      new Promise((resolve) => {
        execFile(
          'radtest',
          [username, password, `127.0.0.1:${server.authPort}`, '0', secret],
          { timeout: 20_000 },
          (_err, stdout, stderr) => {
            const output = `${stdout}${stderr}`;
            resolve({ accepted: /Received Access-Accept/.test(output), output });
          },
        );
      }),
    account: (packets) =>
      new Promise((resolve, reject) => {
        const list = Array.isArray(packets) ? packets : [packets];
        const child = execFile(
          'radclient',
          ['-p', '1', '-r', '1', '-t', '5', `127.0.0.1:${server.acctPort}`, 'acct', secret],
          { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
          (err, stdout, stderr) => {
            const output = `${stdout}${stderr}`;
            const answered = output.match(/Received Accounting-Response/g)?.length ?? 0;
            if (err || answered !== list.length) reject(new Error(`${answered} of ${list.length} answered: ${output.slice(-2000)}`));
            else resolve(output);
          },
        );
        // radclient reads requests separated by blank lines.
        child.stdin?.end(
          list
            .map((attributes) =>
              Object.entries(attributes)
                .map(([name, value]) => `${name} = ${typeof value === 'number' ? value : JSON.stringify(value)}`)
                .join('\n'),
            )
            .join('\n\n') + '\n',
        );
      }),
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
