// `npm run bench:billrun`: N subscribers billed by a real bill run (API, worker and a Temporal
// dev server as separate processes, MariaDB underneath), beside the same rows written by
// bare multi-row INSERTs. Sizes come from BENCH_BILLRUN_SIZES (default 10000,100000,300000);
// the size in BENCH_BILLRUN_TWO_WORKERS (default 100000) is billed again by two worker processes.
// Each worker's resident memory is sampled through the run, so growth with the run's size shows.
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { databaseUrl, okJson, stopChild } from './lib/bench.mjs';
import { peakRssMiB, start, statusMiB, stopAll, stopOnSignals } from './lib/processes.mjs';
import { ensureTemporalCli, fail, freePort, loadDotEnv, localDatabaseSocket, requireDatabase, ROOT, step, waitFor } from './lib/setup.mjs';
import { startTemporal } from './lib/temporal.mjs';

loadDotEnv();
const require = createRequire(import.meta.url);
const bench = require(join(ROOT, 'dist/bench/bill-run.bench.js'));

// One date per run: a bill run's workflow id is its date, and every run shares one Temporal server.
// Dates already passed, as a run catching up would bill; the API refuses run dates far ahead.
const billingDateFor = (index) => `2026-${String(index + 1).padStart(2, '0')}-01`;
const SIZES = (process.env.BENCH_BILLRUN_SIZES ?? '10000,100000,300000').split(',').map(Number);
const TWO_WORKERS_AT = Number(process.env.BENCH_BILLRUN_TWO_WORKERS ?? 100_000);
const BOOKS_UP_TO = Number(process.env.BENCH_BILLRUN_BOOKS_UP_TO ?? 10_000);
const server = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/backhaul');
const databases = [];

stopOnSignals(async () => {
  await stopAll();
  for (const url of databases) await bench.dropDatabase(url).catch(() => {});
});

/**
 * Bills n generated subscribers with `workers` worker processes. The first run of a
 * size also times the bare-INSERT baseline; a rerun with more workers skips it.
 */
async function runSize(n, temporalAddress, billingDate, { workers: workerCount = 1, baseline = true } = {}) {
  const stamp = Date.now();
  const url = databaseUrl(server, `backhaul_bench_billrun_${n}_${stamp}`);
  const baselineUrl = baseline ? databaseUrl(server, `backhaul_bench_billrun_base_${n}_${stamp}`) : null;
  databases.push(url, ...(baselineUrl ? [baselineUrl] : []));
  let api;
  const workers = [];
  try {
    step(`${n} subscribers: migrating and populating ${baselineUrl ? 'two databases (run and baseline)' : 'the database'}`);
    await bench.createDatabase(url);
    const population = await bench.populate(url, n, billingDate);
    const user = await bench.createBenchUser(url);
    let baselineMs = null;
    if (baselineUrl) {
      await bench.createDatabase(baselineUrl);
      const basePopulation = await bench.populate(baselineUrl, n, billingDate);
      step(`${n} subscribers: baseline (bare multi-row INSERTs of the same rows)`);
      baselineMs = await bench.baselineInserts(baselineUrl, basePopulation, billingDate);
      await bench.dropDatabase(baselineUrl).catch(() => {});
    }

    const port = await freePort();
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      ...(databaseSocket && { DATABASE_SOCKET: databaseSocket }),
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_TASK_QUEUE: `bench-billrun-${n}-${stamp}`,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    };
    api = start('api', 'node', [join(ROOT, 'dist/src/main.js')], { env });
    // Each worker bundles the workflow code before it polls; the clock starts once all do.
    for (let k = 0; k < workerCount; k++) {
      const worker = start(`worker ${k + 1}`, 'node', [join(ROOT, 'dist/src/worker.js')], {
        env: { ...env, LOG_LEVEL: 'info' },
        quiet: true,
      });
      worker.polling = false;
      worker.stdout.on('data', (chunk) => (worker.polling ||= String(chunk).includes('Worker polling task queue')));
      worker.stderr.on('data', (chunk) => process.stderr.write(`[worker ${k + 1}] ${chunk}`));
      workers.push(worker);
    }
    const base = `http://127.0.0.1:${port}`;
    await waitFor('the API', async () => (await fetch(`${base}/api/health`).catch(() => null))?.ok === true);
    await waitFor(`${workerCount === 1 ? 'the worker' : `${workerCount} workers`}`, async () => workers.every((w) => w.polling));
    // A worker logs before its first poll; a moment lets the run count every worker from the start.
    await new Promise((r) => setTimeout(r, 2000));
    const { token } = await okJson(
      await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(user),
      }),
    );
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    step(`${n} subscribers: bill run for ${billingDate} through Temporal, ${workerCount} worker process${workerCount === 1 ? '' : 'es'}`);
    const startRss = workers.map((w) => statusMiB(w.pid, 'VmRSS'));
    const started = process.hrtime.bigint();
    const { workflowId, started: runStarted } = await okJson(
      await fetch(`${base}/api/bill-runs`, { method: 'POST', headers, body: JSON.stringify({ date: billingDate }) }),
    );
    if (!runStarted) throw new Error(`A bill run for ${billingDate} already exists on this Temporal server; nothing was started`);
    // Resident memory of every worker at each quarter of the accounts billed.
    const quarters = workers.map(() => []);
    let run;
    for (;;) {
      const list = await okJson(await fetch(`${base}/api/bill-runs`, { headers }));
      run = list.find((r) => r.workflowId === workflowId);
      const done = run ? run.accounts / n : 0;
      for (const [k, w] of workers.entries()) {
        while (quarters[k].length < 3 && done >= (quarters[k].length + 1) / 4) quarters[k].push(statusMiB(w.pid, 'VmRSS'));
      }
      if (run && run.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const runMs = Number(process.hrtime.bigint() - started) / 1e6;
    for (const [k, w] of workers.entries()) quarters[k].push(statusMiB(w.pid, 'VmRSS'));
    const rss = { workers: workers.map((w) => peakRssMiB(w.pid)), api: peakRssMiB(api.pid), startRss, quarters };
    const shares = await bench.workerShares(url, billingDate);
    await Promise.all([stopChild(api), ...workers.map(stopChild)]);

    const check = await bench.checkBillRun(url, billingDate, n <= BOOKS_UP_TO);
    return { n, workers: workerCount, date: billingDate, population, baselineMs, runMs, rss, run, check, shares };
  } finally {
    await Promise.all([stopChild(api), ...workers.map(stopChild)]);
    for (const u of [url, baselineUrl].filter(Boolean)) await bench.dropDatabase(u).catch(() => {});
  }
}

await requireDatabase(server.toString());
const databaseSocket = await localDatabaseSocket(server.toString());
const cli = await ensureTemporalCli();
const temporalPort = await freePort();
step('Starting a Temporal dev server for the benchmark');
await startTemporal(cli, { port: temporalPort, headless: true, quiet: true });

const results = [];
try {
  for (const [index, n] of SIZES.entries()) results.push(await runSize(n, `127.0.0.1:${temporalPort}`, billingDateFor(index)));
  if (SIZES.includes(TWO_WORKERS_AT)) {
    results.push(await runSize(TWO_WORKERS_AT, `127.0.0.1:${temporalPort}`, billingDateFor(SIZES.length), { workers: 2, baseline: false }));
  }
} catch (err) {
  await stopAll();
  fail(err instanceof Error ? err.stack : String(err));
}
await stopAll();

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const s = (ms) => (ms / 1000).toFixed(1);
process.stdout.write(`\n## bill runs (3 recurring services with one zone tax each, 10% child accounts)\n${machine}\n\n`);
process.stdout.write(
  '| accounts | workers | bill run s | accounts/s | baseline s (bare INSERTs) | ratio | worker peak RSS MiB | API peak RSS MiB | invoices | charges | invoiced twice | children linked | books |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n',
);
for (const r of results) {
  const books = r.check.books ? `${r.check.books.mismatches} mismatches (${r.check.books.seconds.toFixed(0)} s)` : 'not checked';
  const baseline = r.baselineMs === null ? '' : s(r.baselineMs);
  const ratio = r.baselineMs === null ? '' : (r.runMs / r.baselineMs).toFixed(2);
  process.stdout.write(
    `| ${r.n} | ${r.workers} | ${s(r.runMs)} | ${(r.n / (r.runMs / 1000)).toFixed(0)} | ${baseline} | ${ratio} | ` +
      `${r.rss.workers.join(' + ')} | ${r.rss.api} | ${r.check.invoices} | ${r.check.charges} | ${r.check.accountsInvoicedTwice} | ${r.check.linkedChildren} | ${books} |\n`,
  );
}

process.stdout.write(
  '\nWorker resident memory through each run, MiB (before the run, then at 25 / 50 / 75 / 100 % of the accounts billed):\n',
);
for (const r of results) {
  for (const [k, q] of r.rss.quarters.entries()) {
    process.stdout.write(
      `- ${r.n} accounts, worker ${k + 1} of ${r.workers}: ${r.rss.startRss[k]} → ${q.join(' / ')} (peak ${r.rss.workers[k]})\n`,
    );
  }
}
const twoWorkers = results.find((r) => r.workers === 2);
if (twoWorkers) {
  process.stdout.write(`\nBatches per worker process at ${twoWorkers.n} accounts, two workers:\n`);
  for (const share of twoWorkers.shares) process.stdout.write(`- ${share.worker}: ${share.batches} batches, ${share.accounts} accounts\n`);
}

const single = results.filter((r) => r.workers === 1);
const small = single.find((r) => r.n === 10_000);
const large = single.find((r) => r.n === 100_000);
const largest = single.reduce((a, b) => (b.n > (a?.n ?? 0) ? b : a), null);
const smallest = single.reduce((a, b) => (a === null || b.n < a.n ? b : a), null);
process.stdout.write('\nGoals:\n');
if (large) {
  process.stdout.write(`- 100,000 accounts in under 120 s: ${s(large.runMs)} s ${large.runMs < 120_000 ? 'met' : 'NOT met'}\n`);
  process.stdout.write(
    `- ratio to the baseline under 4: ${(large.runMs / large.baselineMs).toFixed(2)} ${large.runMs / large.baselineMs < 4 ? 'met' : 'NOT met'}\n`,
  );
}
for (const r of single) {
  process.stdout.write(`- worker RSS under 600 MiB at ${r.n}: ${r.rss.workers[0]} MiB ${r.rss.workers[0] < 600 ? 'met' : 'NOT met'}\n`);
}
if (smallest && largest && largest.n > smallest.n) {
  const growth = largest.rss.workers[0] / smallest.rss.workers[0] - 1;
  process.stdout.write(
    `- worker peak within 10% from ${smallest.n} to ${largest.n} accounts: ${smallest.rss.workers[0]} → ${largest.rss.workers[0]} MiB, ` +
      `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}% ${Math.abs(growth) <= 0.1 ? 'met' : 'NOT met'}\n`,
  );
}
if (small && large) {
  const growth = large.runMs / small.runMs;
  process.stdout.write(`- linear (100k under 11× 10k): ${growth.toFixed(2)}× ${growth < 11 ? 'met' : 'NOT met'}\n`);
}
if (twoWorkers) {
  const one = single.find((r) => r.n === twoWorkers.n);
  const both = twoWorkers.shares.filter((share) => share.batches > 0).length;
  process.stdout.write(`- both workers took batches: ${both} of 2 ${both === 2 ? 'met' : 'NOT met'}\n`);
  if (one)
    process.stdout.write(
      `- two workers against one at ${twoWorkers.n}: ${s(twoWorkers.runMs)} s against ${s(one.runMs)} s (${(one.runMs / twoWorkers.runMs).toFixed(2)}× the speed)\n`,
    );
}
const wrong = results.filter(
  (r) => r.check.accountsInvoicedTwice || r.check.chargesTwice || r.run.status !== 'completed' || r.check.books?.mismatches,
);
if (wrong.length) fail(`A bill run did not bill every account exactly once: ${JSON.stringify(wrong.map((r) => ({ n: r.n, ...r.check })))}`);
