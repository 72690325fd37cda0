import { cpus, totalmem } from 'node:os';

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

export function report(title: string, samples: Sample[]): void {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  process.stdout.write(`\n## ${title}\n${machine}\n\n| case | runs | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|\n`);
  for (const s of samples) {
    const f = (n: number) => n.toFixed(2);
    process.stdout.write(
      `| ${s.name} | ${s.ms.length} | ${f(percentile(s.ms, 50))} | ${f(percentile(s.ms, 95))} | ${f(Math.max(...s.ms))} |\n`,
    );
  }
}
