import { cpus, loadavg, totalmem } from 'node:os';

export interface Sample {
  name: string;
  ms: number[];
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function measure(name: string, runs: number, fn: (i: number) => Promise<unknown>): Promise<Sample> {
  for (let i = 0; i < Math.min(20, runs); i++) await fn(i); // warm caches and JIT
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { name, ms };
}

/** The machine a figure was measured on, in one line, with its load (these machines are shared: a load past the cores inflates every figure). */
export function machine(): string {
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${load}`;
}

/** The database server's settings that move write figures most: its version, buffer pool and how each commit reaches the disk. */
export async function databaseServer(db: { query: (sql: string) => Promise<Record<string, unknown>[]> }): Promise<string> {
  const [row] = await db.query('SELECT @@version AS version, @@innodb_buffer_pool_size AS pool, @@innodb_flush_log_at_trx_commit AS flush');
  return `${String(row.version)}, buffer pool ${Math.round(Number(row.pool) / 2 ** 20)} MiB, innodb_flush_log_at_trx_commit ${String(row.flush)}`;
}

export function report(title: string, samples: Sample[]): void {
  process.stdout.write(`\n## ${title}\n${machine()}\n\n| case | runs | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|\n`);
  for (const s of samples) {
    const f = (n: number) => n.toFixed(2);
    process.stdout.write(
      `| ${s.name} | ${s.ms.length} | ${f(percentile(s.ms, 50))} | ${f(percentile(s.ms, 95))} | ${f(Math.max(...s.ms))} |\n`,
    );
  }
}
