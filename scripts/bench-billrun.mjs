// `npm run bench:billrun`: N subscribers billed by a real bill run (API, worker and a Temporal
// dev server as separate processes, MariaDB underneath), beside the same rows written by
// bare multi-row INSERTs. Sizes come from BENCH_BILLRUN_SIZES (default 10000,100000).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { start, stopAll, stopOnSignals } from './lib/processes.mjs';
import { ensureTemporalCli, fail, freePort, loadDotEnv, requireDatabase, ROOT, step, waitFor } from './lib/setup.mjs';
import { startTemporal } from './lib/temporal.mjs';

loadDotEnv();
const require = createRequire(import.meta.url);
const bench = require(join(ROOT, 'dist/bench/bill-run.bench.js'));

// One date per size: a bill run's workflow id is its date, and every size shares one Temporal server.
const billingDateFor = (index) => `${2027 + index}-01-01`;
const SIZES = (process.env.BENCH_BILLRUN_SIZES ?? '10000,100000').split(',').map(Number);
const BOOKS_UP_TO = Number(process.env.BENCH_BILLRUN_BOOKS_UP_TO ?? 10_000);
const server = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/backhaul');
const databases = [];

stopOnSignals(async () => {
  await stopAll();
  for (const url of databases) await bench.dropDatabase(url).catch(() => {});
});

/** The kernel's high-water mark of a process's resident memory, in MiB. */
function peakRssMiB(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmHWM:'));
    return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

/** Stops one of our children (its whole process group) and waits for it; the Temporal server stays up. */
async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  await gone;
}

function dbUrl(name) {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function json(res) {
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function runSize(n, temporalAddress, billingDate) {
  const stamp = Date.now();
  const url = dbUrl(`backhaul_bench_billrun_${n}_${stamp}`);
  const baselineUrl = dbUrl(`backhaul_bench_billrun_base_${n}_${stamp}`);
  databases.push(url, baselineUrl);
  let api;
  let worker;
  try {
    step(`${n} subscribers: migrating and populating two databases (run and baseline)`);
    await bench.createDatabase(url);
    await bench.createDatabase(baselineUrl);
    const population = await bench.populate(url, n, billingDate);
    const basePopulation = await bench.populate(baselineUrl, n, billingDate);
    const user = await bench.createBenchUser(url);

    step(`${n} subscribers: baseline (bare multi-row INSERTs of the same rows)`);
    const baselineMs = await bench.baselineInserts(baselineUrl, basePopulation, billingDate);

    const port = await freePort();
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_TASK_QUEUE: `bench-billrun-${n}-${stamp}`,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    };
    api = start('api', 'node', [join(ROOT, 'dist/src/main.js')], { env });
    // The worker bundles the workflow code before it polls; the clock starts once it does.
    worker = start('worker', 'node', [join(ROOT, 'dist/src/worker.js')], { env: { ...env, LOG_LEVEL: 'info' }, quiet: true });
    let polling = false;
    worker.stdout.on('data', (chunk) => (polling ||= String(chunk).includes('Worker polling task queue')));
    worker.stderr.on('data', (chunk) => process.stderr.write(`[worker] ${chunk}`));
    const base = `http://127.0.0.1:${port}`;
    await waitFor('the API', async () => (await fetch(`${base}/api/health`).catch(() => null))?.ok === true);
    await waitFor('the worker', async () => polling);
    const { token } = await json(
      await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(user),
      }),
    );
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    step(`${n} subscribers: bill run for ${billingDate} through Temporal`);
    const started = process.hrtime.bigint();
    const { workflowId, started: runStarted } = await json(
      await fetch(`${base}/api/bill-runs`, { method: 'POST', headers, body: JSON.stringify({ date: billingDate }) }),
    );
    if (!runStarted) throw new Error(`A bill run for ${billingDate} already exists on this Temporal server; nothing was started`);
    let run;
    for (;;) {
      const list = await json(await fetch(`${base}/api/bill-runs`, { headers }));
      run = list.find((r) => r.workflowId === workflowId);
      if (run && run.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const runMs = Number(process.hrtime.bigint() - started) / 1e6;
    const rss = { worker: peakRssMiB(worker.pid), api: peakRssMiB(api.pid) };
    await Promise.all([stop(api), stop(worker)]);

    const check = await bench.checkBillRun(url, billingDate, n <= BOOKS_UP_TO);
    return { n, date: billingDate, population, baselineMs, runMs, rss, run, check };
  } finally {
    await Promise.all([stop(api), stop(worker)]);
    for (const u of [url, baselineUrl]) await bench.dropDatabase(u).catch(() => {});
  }
}

await requireDatabase(server.toString());
const cli = await ensureTemporalCli();
const temporalPort = await freePort();
step('Starting a Temporal dev server for the benchmark');
await startTemporal(cli, { port: temporalPort, headless: true, quiet: true });

const results = [];
try {
  for (const [index, n] of SIZES.entries()) results.push(await runSize(n, `127.0.0.1:${temporalPort}`, billingDateFor(index)));
} catch (err) {
  await stopAll();
  fail(err instanceof Error ? err.stack : String(err));
}
await stopAll();

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const s = (ms) => (ms / 1000).toFixed(1);
process.stdout.write(`\n## bill runs (3 recurring services with one zone tax each, 10% child accounts)\n${machine}\n\n`);
process.stdout.write(
  '| accounts | bill run s | accounts/s | baseline s (bare INSERTs) | ratio | worker peak RSS MiB | API peak RSS MiB | invoices | charges | invoiced twice | children linked | books |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n',
);
for (const r of results) {
  const books = r.check.books ? `${r.check.books.mismatches} mismatches (${r.check.books.seconds.toFixed(0)} s)` : 'not checked';
  process.stdout.write(
    `| ${r.n} | ${s(r.runMs)} | ${(r.n / (r.runMs / 1000)).toFixed(0)} | ${s(r.baselineMs)} | ${(r.runMs / r.baselineMs).toFixed(2)} | ` +
      `${r.rss.worker} | ${r.rss.api} | ${r.check.invoices} | ${r.check.charges} | ${r.check.accountsInvoicedTwice} | ${r.check.linkedChildren} | ${books} |\n`,
  );
}
const small = results.find((r) => r.n === 10_000);
const large = results.find((r) => r.n === 100_000);
process.stdout.write('\nGoals:\n');
if (large) {
  process.stdout.write(`- 100,000 accounts in under 120 s: ${s(large.runMs)} s ${large.runMs < 120_000 ? 'met' : 'NOT met'}\n`);
  process.stdout.write(
    `- ratio to the baseline under 4: ${(large.runMs / large.baselineMs).toFixed(2)} ${large.runMs / large.baselineMs < 4 ? 'met' : 'NOT met'}\n`,
  );
}
for (const r of results) {
  process.stdout.write(`- worker RSS under 600 MiB at ${r.n}: ${r.rss.worker} MiB ${r.rss.worker < 600 ? 'met' : 'NOT met'}\n`);
}
if (small && large) {
  const growth = large.runMs / small.runMs;
  process.stdout.write(`- linear (100k under 11× 10k): ${growth.toFixed(2)}× ${growth < 11 ? 'met' : 'NOT met'}\n`);
}
const wrong = results.filter(
  (r) => r.check.accountsInvoicedTwice || r.check.chargesTwice || r.run.status !== 'completed' || r.check.books?.mismatches,
);
if (wrong.length) fail(`A bill run did not bill every account exactly once: ${JSON.stringify(wrong.map((r) => ({ n: r.n, ...r.check })))}`);
