import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { exited, freePort, waitUntil } from './processes';

/**
 * A MariaDB server of the test's own, in a scratch directory, that the test may
 * stop and start again: taking the shared server away would fail every other
 * suite running beside it.
 */
export class PrivateMariaDb {
  private server: ChildProcess | null = null;

  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  static async create(): Promise<PrivateMariaDb> {
    const dir = mkdtempSync(join(process.env.TEST_SCRATCH_DIR ?? tmpdir(), 'mariadb-'));
    await promisify(execFile)('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${join(dir, 'data')}`,
      '--user=root',
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ]);
    const db = new PrivateMariaDb(dir, await freePort());
    // A jest worker that is torn down hard must not leave a server behind.
    process.once('exit', () => db.server?.kill('SIGKILL'));
    await db.start();
    return db;
  }

  /** The server's address with no database; tests add their own. */
  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}/`;
  }

  async start(): Promise<void> {
    if (this.server && this.server.exitCode === null && this.server.signalCode === null) return;
    this.server = spawn(
      '/usr/sbin/mariadbd',
      [
        '--no-defaults',
        `--datadir=${join(this.dir, 'data')}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(this.dir, 'mariadb.sock')}`,
        '--user=root',
        '--innodb-buffer-pool-size=256M',
        '--skip-log-bin',
      ],
      { stdio: 'ignore' },
    );
    await waitUntil(
      'the private MariaDB to accept connections',
      async () => {
        if (this.server?.exitCode !== null) throw new Error('mariadbd exited during start-up');
        try {
          const conn = await createConnection({ host: '127.0.0.1', port: this.port, user: 'root' });
          await conn.end();
          return true;
        } catch {
          return false;
        }
      },
      30_000,
    );
  }

  /** A clean shutdown, as `systemctl stop` would do it; resolves once the process is gone. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.kill('SIGTERM');
    await exited(server);
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
