import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, createConnection } from 'mysql2/promise';
import { FreeradiusLab, prepareRadiusDatabase, startFreeradius } from '../../src/dev-tools/network-lab/freeradius-lab';
import { KeaLab, prepareKeaDatabase, startKea } from '../../src/dev-tools/network-lab/kea-lab';
import { keaCommand } from '../../src/network-sync/kea-control';
import { requestAddress } from '../support/dhcp-client';

// FreeRADIUS and Kea started privately on loopback, each on a database of its own, doing what
// the product will lean on: FreeRADIUS answers from radcheck/radreply rows as they are at the
// moment of the request, Kea from rows in `hosts`, and Kea takes new subnets without a restart.

const serverUrl = process.env.DATABASE_URL as string;
const suffix = randomBytes(4).toString('hex');
const runDatabase = new URL(serverUrl).pathname.slice(1);
const RADIUS_DB = `${runDatabase}_radius_${suffix}`;
const KEA_DB = `${runDatabase}_kea_${suffix}`;
const SECRET = 'lab-secret';

/** A FreeRADIUS or Kea tool's run: its exit code and output, whatever the code. */
function tool(command: string, args: string[], input?: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    const child = execFile(command, args, { timeout: 20_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout: `${stdout}${stderr}` }),
    );
    child.stdin?.end(input ?? '');
  });
}

/** Whether a UDP port on loopback is free: nobody holds it. */
function udpPortFree(port: number): Promise<boolean> {
  const socket = createSocket('udp4');
  return new Promise((resolve) => {
    socket.once('error', () => resolve(false));
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

const macHex = (mac: string) => mac.replace(/:/g, '');

describe('the network lab', () => {
  let scratch: string;
  let radius: FreeradiusLab;
  let kea: KeaLab;
  let radiusDb: Connection;
  let keaDb: Connection;

  beforeAll(async () => {
    scratch = mkdtempSync(join(process.env.TEST_SCRATCH_DIR ?? tmpdir(), 'network-lab-'));
    const [radiusUrl, keaUrl] = await Promise.all([prepareRadiusDatabase(serverUrl, RADIUS_DB), prepareKeaDatabase(serverUrl, KEA_DB)]);
    [radius, kea] = await Promise.all([
      startFreeradius({ dir: join(scratch, 'freeradius'), databaseUrl: radiusUrl, clientSecret: SECRET, quiet: true }),
      startKea({
        dir: join(scratch, 'kea'),
        databaseUrl: keaUrl,
        quiet: true,
        subnets: [{ id: 1, subnet: '10.77.0.0/24', pools: ['10.77.0.100 - 10.77.0.110'] }],
      }),
    ]);
    [radiusDb, keaDb] = await Promise.all([createConnection(radiusUrl), createConnection(keaUrl)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([radius?.stop(), kea?.stop(), radiusDb?.end(), keaDb?.end()]);
    const server = new URL(serverUrl);
    server.pathname = '/';
    const conn = await createConnection(server.toString());
    try {
      for (const name of [RADIUS_DB, KEA_DB]) await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    } finally {
      await conn.end();
    }
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  describe('FreeRADIUS', () => {
    const radtest = (user: string, password: string) => tool('radtest', [user, password, `127.0.0.1:${radius.authPort}`, '0', SECRET]);

    it('answers Status-Server on its authentication port', async () => {
      // radclient sends nothing without a packet on stdin, even for Status-Server.
      const status = await tool('radclient', ['-x', `127.0.0.1:${radius.authPort}`, 'status', SECRET], 'Message-Authenticator = 0x00\n');
      expect(status.stdout).toContain('Received Access-Accept');
      expect(status.code).toBe(0);
    });

    it('accepts a user of radcheck with the address of radreply, rejects a wrong password, and forgets a deleted user', async () => {
      await radiusDb.query("INSERT INTO radcheck (username, attribute, op, value) VALUES ('alice', 'Cleartext-Password', ':=', 'right')");
      await radiusDb.query(
        "INSERT INTO radreply (username, attribute, op, value) VALUES ('alice', 'Framed-IP-Address', ':=', '100.64.0.7')",
      );

      const accepted = await radtest('alice', 'right');
      expect(accepted.stdout).toContain('Received Access-Accept');
      expect(accepted.stdout).toMatch(/Framed-IP-Address = 100\.64\.0\.7/);
      expect(accepted.code).toBe(0);

      const wrong = await radtest('alice', 'wrong');
      expect(wrong.stdout).toContain('Received Access-Reject');
      expect(wrong.stdout).not.toContain('Framed-IP-Address');

      await radiusDb.query("DELETE FROM radreply WHERE username = 'alice'");
      await radiusDb.query("DELETE FROM radcheck WHERE username = 'alice'");
      const deleted = await radtest('alice', 'right');
      expect(deleted.stdout).toContain('Received Access-Reject');
      expect(deleted.code).not.toBe(0);
    });

    it('stops, freeing its ports, and comes back on the same ports', async () => {
      await radiusDb.query("INSERT INTO radcheck (username, attribute, op, value) VALUES ('bob', 'Cleartext-Password', ':=', 'pw')");
      const { authPort, acctPort } = radius;

      await radius.stop();
      expect(radius.child.exitCode ?? radius.child.signalCode).not.toBeNull();
      expect([await udpPortFree(authPort), await udpPortFree(acctPort)]).toEqual([true, true]);

      await radius.restart();
      expect([radius.authPort, radius.acctPort]).toEqual([authPort, acctPort]);
      const accepted = await radtest('bob', 'pw');
      expect(accepted.stdout).toContain('Received Access-Accept');
    });
  });

  describe('Kea', () => {
    const RESERVED_MAC = '02:00:5e:00:00:01';
    const OTHER_MAC = '02:00:5e:00:00:02';
    // Outside the pool: once the reservation is gone the client cannot keep it through its lease.
    const RESERVED_ADDRESS = '10.77.0.50';
    const ask = (mac: string, relay?: string) => requestAddress({ serverPort: kea.serverPort, clientPort: kea.clientPort, mac, relay });

    it('gives a reserved MAC its address, another MAC a pool address, and stops once the reservation is deleted', async () => {
      await keaDb.query(
        'INSERT INTO hosts (dhcp_identifier, dhcp_identifier_type, dhcp4_subnet_id, ipv4_address) VALUES (UNHEX(?), 0, 1, INET_ATON(?))',
        [macHex(RESERVED_MAC), RESERVED_ADDRESS],
      );
      expect(await ask(RESERVED_MAC)).toEqual({ offered: RESERVED_ADDRESS, acked: RESERVED_ADDRESS });

      const other = await ask(OTHER_MAC);
      expect(other.offered).not.toBe(RESERVED_ADDRESS);
      expect(other.acked).toBe(other.offered);
      expect(other.offered).toMatch(/^10\.77\.0\.1(0\d|10)$/);

      await keaDb.query('DELETE FROM hosts WHERE dhcp_identifier = UNHEX(?)', [macHex(RESERVED_MAC)]);
      const after = await ask(RESERVED_MAC);
      expect(after.offered).not.toBe(RESERVED_ADDRESS);
      expect(after.acked).not.toBe(RESERVED_ADDRESS);
    });

    it('takes a new subnet from config-set without a restart, and writes it with config-write', async () => {
      const pid = kea.child.pid;
      // Nobody answers for relay 127.0.0.2 yet.
      expect(
        await requestAddress({
          serverPort: kea.serverPort,
          clientPort: kea.clientPort,
          mac: OTHER_MAC,
          relay: '127.0.0.2',
          timeoutMs: 500,
        }),
      ).toEqual({
        offered: null,
        acked: null,
      });

      const current = await keaCommand(kea.controlSocket, 'config-get');
      expect(current.result).toBe(0);
      const dhcp4 = (current.arguments as { Dhcp4: { subnet4: Record<string, unknown>[] } }).Dhcp4;
      dhcp4.subnet4.push({
        id: 2,
        subnet: '10.78.0.0/24',
        pools: [{ pool: '10.78.0.10 - 10.78.0.20' }],
        relay: { 'ip-addresses': ['127.0.0.2'] },
      });
      expect(await keaCommand(kea.controlSocket, 'config-set', { Dhcp4: dhcp4 })).toMatchObject({ result: 0 });

      const served = await ask(OTHER_MAC, '127.0.0.2');
      expect(served.offered).toMatch(/^10\.78\.0\.(1\d|20)$/);
      expect(served.acked).toBe(served.offered);
      // The first subnet still answers as before.
      expect((await ask(RESERVED_MAC)).acked).toMatch(/^10\.77\.0\./);
      expect(kea.child.pid).toBe(pid);

      expect(await keaCommand(kea.controlSocket, 'config-write')).toMatchObject({ result: 0 });
      const written = JSON.parse(readFileSync(kea.configFile, 'utf8')) as { Dhcp4: { subnet4: { subnet: string }[] } };
      expect(written.Dhcp4.subnet4.map((s) => s.subnet)).toEqual(['10.77.0.0/24', '10.78.0.0/24']);
    });

    it('restarts on the same ports from its configuration file as config-write left it, leases kept', async () => {
      const before = await ask(OTHER_MAC, '127.0.0.2');
      const { serverPort, clientPort } = kea;

      await kea.restart();
      expect([kea.serverPort, kea.clientPort]).toEqual([serverPort, clientPort]);
      expect((await keaCommand(kea.controlSocket, 'status-get')).arguments).toMatchObject({ pid: kea.child.pid });
      expect(await ask(OTHER_MAC, '127.0.0.2')).toEqual(before);
    });
  });
});
