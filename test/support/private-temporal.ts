import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, freePort, waitUntil } from './processes';

/** The search attributes the run's own server has (scripts/lib/setup.mjs). */
const SEARCH_ATTRIBUTES = ['AccountId=Int', 'InvoiceId=Int', 'BillingDate=Datetime', 'BillingDay=Keyword', 'AccountIds=KeywordList'];

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * A Temporal dev server of the test's own, that the test may stop and start again: taking the run's shared server away would
 * fail every other suite running beside it.
 */
export class PrivateTemporal {
  private server: ChildProcess | null = null;

  private constructor(
    private readonly dir: string,
    readonly port: number,
    private readonly persistent: boolean,
  ) {}

  /** Persistent: keeps its workflows in a file, so it may be stopped and started again; otherwise in memory, and faster. */
  static async create(opts: { persistent?: boolean } = {}): Promise<PrivateTemporal> {
    const dir = mkdtempSync(join(process.env.TEST_SCRATCH_DIR ?? tmpdir(), 'temporal-'));
    // The dev server binds more ports than the one it is given; should one of them be taken by a
    // server started beside it, it exits at once, and a fresh port is tried.
    for (let attempt = 1; ; attempt++) {
      const temporal = new PrivateTemporal(dir, await freePort(), opts.persistent ?? true);
      process.once('exit', () => temporal.server?.kill('SIGKILL'));
      try {
        await temporal.start();
        return temporal;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.server && this.server.exitCode === null && this.server.signalCode === null) return;
    const cli = process.env.TEMPORAL_CLI ?? 'temporal';
    const args = ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(this.port), '--log-level', 'error'];
    args.push('--namespace', 'default');
    if (this.persistent) args.push('--db-filename', join(this.dir, `temporal-${this.port}.db`));
    for (const attribute of SEARCH_ATTRIBUTES) args.push('--search-attribute', attribute);
    const server = spawn(cli, args, { stdio: 'ignore' });
    this.server = server;
    await waitUntil(
      'the private Temporal server to listen',
      async () => {
        if (server.exitCode !== null) throw new Error('the private Temporal server exited during start-up');
        return listening(this.port);
      },
      60_000,
    );
  }

  /** A clean shutdown; resolves once the process is gone. */
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
