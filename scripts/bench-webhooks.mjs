// `npm run bench:webhooks`: signed Stripe events posted to the webhook endpoint at a steady rate
// (BENCH_WEBHOOK_RATE per second, default 200, for BENCH_WEBHOOK_SECONDS, default 60) while the
// worker is busy with a bill run of BENCH_WEBHOOK_BUSY_ACCOUNTS subscribers (default 90,000, which
// outlasts the minute on two cores; the verdict says when it did not). The API, the worker, a Temporal dev server and stripe-mock
// run as separate processes, MariaDB underneath.
// Beside it, the floor: the same rows written by bare INSERTs at the same rate. It prints the answer
// times, how long events waited to be handed over and to be processed, and proves that every event
// was stored, handed over and processed once.
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { atRate, databaseSettings, databaseUrl, okJson, postWebhook, webhookResends } from './lib/bench.mjs';
import { cpuMeter, describeCpu, peakRssMiB, start, stopAll, stopOnSignals } from './lib/processes.mjs';
import {
  ensureStripeMock,
  ensureTemporalCli,
  fail,
  freePort,
  loadDotEnv,
  localDatabaseSocket,
  requireDatabase,
  ROOT,
  startStripeMock,
  step,
  waitFor,
} from './lib/setup.mjs';
import { startTemporal } from './lib/temporal.mjs';

loadDotEnv();
const require = createRequire(import.meta.url);
const bench = require(join(ROOT, 'dist/bench/bill-run.bench.js'));
const Stripe = require('stripe');
const mysql = require('mysql2/promise');
const { Client, Connection } = require('@temporalio/client');

const RATE = Number(process.env.BENCH_WEBHOOK_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 60);
const BUSY_ACCOUNTS = Number(process.env.BENCH_WEBHOOK_BUSY_ACCOUNTS ?? 90_000);
/** The worker's niceness: 10 unless set, as for an API and a worker sharing one machine (docs/webhooks.md). */
const WORKER_NICENESS = process.env.WORKER_NICENESS ?? '10';
/** One event in this many is delivered twice, as processors do. */
const DUPLICATE_EVERY = 20;
const BILLING_DATE = '2026-02-01';
const SECRET = 'whsec_bench_webhooks';
const server = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/backhaul');
const databases = [];
const signer = new Stripe('sk_test_bench');

stopOnSignals(async () => {
  await stopAll();
  for (const url of databases) await bench.dropDatabase(url).catch(() => {});
});

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] };
};

function event(i, stamp) {
  return {
    id: `evt_bench_${stamp}_${i}`,
    object: 'event',
    type: 'payment_intent.succeeded',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: { object: { id: `pi_bench_${stamp}_${i}`, object: 'payment_intent', status: 'succeeded' } },
  };
}

/** Fires one call every 1/RATE seconds without waiting for the previous one; answers each call's time in ms. */
async function timedAtRate(total, call, rate = RATE) {
  const { results, seconds } = await atRate(total, rate, async (i) => {
    const sent = performance.now();
    const result = await call(i);
    return { ms: performance.now() - sent, result };
  });
  return { done: results, seconds };
}

/** The floor: each event's row written with one bare INSERT on a pool, at the same rate. */
async function baseline(url, total, stamp, rate = RATE) {
  const pool = mysql.createPool({ uri: url, connectionLimit: 10 });
  // Stored as ignored, and named apart from the events, so the running dispatcher leaves these rows alone.
  const { done } = await timedAtRate(
    total,
    async (i) => {
      const e = { ...event(i, stamp), id: `evt_floor_${stamp}_${i}` };
      await pool.query(
        `INSERT INTO webhook_events (id, provider, type, object_id, livemode, event_created_at, payload, status)
       VALUES (?, 'stripe', ?, ?, 0, FROM_UNIXTIME(?), ?, 'ignored')`,
        [e.id, e.type, e.data.object.id, e.created, JSON.stringify(e)],
      );
    },
    rate,
  );
  await pool.query(`DELETE FROM webhook_events WHERE id LIKE ?`, [`evt_floor_${stamp}_%`]);
  await pool.end();
  return summary(done.map((d) => d.ms));
}

async function main() {
  await requireDatabase(server.toString());
  const databaseSocket = await localDatabaseSocket(server.toString());
  const cli = await ensureTemporalCli();
  const stripeMock = await ensureStripeMock();
  const temporalPort = await freePort();
  step('Starting a Temporal dev server and stripe-mock for the benchmark');
  await startTemporal(cli, { port: temporalPort, headless: true, quiet: true });
  const stripeApiBase = await startStripeMock(stripeMock, { port: await freePort(), quiet: true });
  const temporalAddress = `127.0.0.1:${temporalPort}`;

  const stamp = Date.now();
  const url = databaseUrl(server, `backhaul_bench_webhooks_${stamp}`);
  databases.push(url);
  const total = RATE * SECONDS;
  step(`Migrating and populating ${BUSY_ACCOUNTS} subscribers for the bill run that keeps the worker busy`);
  await bench.createDatabase(url);
  await bench.populate(url, BUSY_ACCOUNTS, BILLING_DATE);
  const user = await bench.createBenchUser(url);
  const database = await databaseSettings(mysql, url);

  step(`Baseline: ${total} bare INSERTs at ${RATE}/s`);
  const floor = await baseline(url, total, `${stamp}a`);

  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    ...(databaseSocket && { DATABASE_SOCKET: databaseSocket }),
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: `bench-webhooks-${stamp}`,
    STRIPE_API_BASE: stripeApiBase,
    STRIPE_SECRET_KEY: 'sk_test_bench',
    STRIPE_WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    LOG_LEVEL: 'warn',
  };
  // BENCH_WEBHOOKS_PROFILE_DIR: the API and the worker each write a V8 CPU profile there when they stop.
  const profile = process.env.BENCH_WEBHOOKS_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_WEBHOOKS_PROFILE_DIR}`] : [];
  const api = start('api', 'node', [...profile, join(ROOT, 'dist/src/main.js')], { env });
  const worker = start('worker', 'node', [...profile, join(ROOT, 'dist/src/worker.js')], {
    env: { ...env, LOG_LEVEL: 'info', WORKER_NICENESS },
    quiet: true,
  });
  worker.polling = false;
  worker.stdout.on('data', (chunk) => (worker.polling ||= String(chunk).includes('Worker polling task queue')));
  worker.stderr.on('data', (chunk) => process.stderr.write(`[worker] ${chunk}`));
  const base = `http://127.0.0.1:${port}`;
  await waitFor('the API', async () => (await fetch(`${base}/api/health`).catch(() => null))?.ok === true);
  await waitFor('the worker', async () => worker.polling);
  const { token } = await okJson(
    await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) }),
  );
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  step(`The bill run for ${BILLING_DATE} (${BUSY_ACCOUNTS} subscribers) keeps the worker busy`);
  const { workflowId } = await okJson(
    await fetch(`${base}/api/bill-runs`, { method: 'POST', headers, body: JSON.stringify({ date: BILLING_DATE }) }),
  );

  step(`Posting ${total} signed events at ${RATE}/s for ${SECONDS} s (one in ${DUPLICATE_EVERY} twice)`);
  const deliver = async (e) => {
    const payload = JSON.stringify(e);
    const header = signer.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    return postWebhook(`${base}/api/webhooks/stripe`, payload, header);
  };
  const repeatsFailed = [];
  const sendStarted = Date.now();
  const cpu = cpuMeter();
  // Beside the events, the floor under the same load: one bare INSERT in ten of the events' rate, from this process.
  const busyFloor = baseline(url, Math.floor(total / 10), `${stamp}b`, RATE / 10);
  const { done, seconds } = await timedAtRate(total, async (i) => {
    const e = event(i, stamp);
    const first = await deliver(e);
    // The repeat goes out beside the next events, not timed: the first delivery is the one a processor waits on.
    if (i % DUPLICATE_EVERY === 0) deliver(e).catch((err) => (repeatsFailed.push(err.message), 0));
    return first;
  });
  const answers = summary(done.map((d) => d.ms));
  const floorBusy = await busyFloor;
  const apiMetrics = await (await fetch(`${base}/api/metrics`, { headers })).text();
  const refused = done.filter((d) => d.result !== 200).length;

  const conn = await mysql.createConnection(url);
  const count = async (where) =>
    Number((await conn.query(`SELECT COUNT(*) AS n FROM webhook_events WHERE id LIKE ? AND ${where}`, [`evt_bench_${stamp}_%`]))[0][0].n);
  step('Waiting for every event to be processed');
  await waitFor('every event to be processed', async () => (await count("status = 'processed'")) === total, 30 * 60_000);
  const drainedSeconds = (Date.now() - sendStarted) / 1000;
  const cpuUsed = cpu.read();
  const [lags] = await conn.query(
    `SELECT TIMESTAMPDIFF(MICROSECOND, received_at, dispatched_at) / 1000 AS dispatch_ms,
            TIMESTAMPDIFF(MICROSECOND, received_at, processed_at) / 1000 AS processed_ms, deliveries, dispatches, attempts, batch_id
       FROM webhook_events WHERE id LIKE ?`,
    [`evt_bench_${stamp}_%`],
  );
  const connection = await Connection.connect({ address: temporalAddress });
  const temporal = new Client({ connection, namespace: 'default' });
  const batches = new Set(lags.map((r) => r.batch_id)).size;
  // Visibility trails a completed run by a moment.
  await waitFor(
    'every batch to be listed as completed',
    async () =>
      (await temporal.workflow.count(`WorkflowType = 'stripeEventBatchWorkflow' AND ExecutionStatus = 'Completed'`)).count >= batches,
  ).catch(() => {});
  const runs = (await temporal.workflow.count(`WorkflowType = 'stripeEventBatchWorkflow'`)).count;
  const billRun = await okJson(await fetch(`${base}/api/bill-runs`, { headers })).then((list) =>
    list.find((r) => r.workflowId === workflowId),
  );
  const memory = { api: peakRssMiB(api.pid), worker: peakRssMiB(worker.pid) };
  await connection.close();
  await conn.end();
  await stopAll();

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');
  const row = (name, s) => `| ${name} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} |\n`;
  process.stdout.write(
    `\n## webhook inbox: ${total} events at ${RATE}/s for ${SECONDS} s, the worker billing ${BUSY_ACCOUNTS} subscribers\n` +
      `${machine}; the worker at niceness ${WORKER_NICENESS} (WORKER_NICENESS); ${database}\n\n`,
  );
  process.stdout.write('| case | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|\n');
  process.stdout.write(row(`baseline: bare INSERT of the row, ${RATE}/s`, floor));
  process.stdout.write(row(`bare INSERT of the row beside the events, ${RATE / 10}/s`, floorBusy));
  process.stdout.write(row('POST /api/webhooks/stripe: answer', answers));
  process.stdout.write(row('stored → its batch started (dispatch lag)', summary(lags.map((r) => Number(r.dispatch_ms)))));
  process.stdout.write(row('stored → processed', summary(lags.map((r) => Number(r.processed_ms)))));
  process.stdout.write(
    `\n- sent in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)}/s); answers other than 200: ${refused}; ` +
      `sent again on a new connection after the API closed a kept-alive one: ${webhookResends()}; second deliveries that failed: ${repeatsFailed.length}\n`,
  );
  process.stdout.write(
    `- every event processed ${drainedSeconds.toFixed(1)} s after the first was sent (${(total / drainedSeconds).toFixed(0)} events/s end to end)\n`,
  );
  const lost = total - lags.length;
  const repeated = lags.filter((r) => Number(r.dispatches) !== 1).length;
  const handledTwice = lags.filter((r) => Number(r.attempts) !== 1).length;
  process.stdout.write(
    `- stored ${lags.length} of ${total} (lost: ${lost}); duplicate deliveries counted: ${lags.reduce((s, r) => s + Number(r.deliveries) - 1, 0)}\n`,
  );
  process.stdout.write(
    `- batches: ${batches} for ${total} events (${(total / batches).toFixed(1)} events each), ${runs} batch workflow runs; ` +
      `handed over other than once: ${repeated}; handler run other than once (processed twice): ${handledTwice}\n`,
  );
  process.stdout.write(`- peak resident memory: API ${memory.api} MiB, worker ${memory.worker} MiB\n`);
  process.stdout.write(
    `- CPU from the first event sent to the last processed (${drainedSeconds.toFixed(1)} s, ${(drainedSeconds * cpus().length).toFixed(0)} CPU-seconds on ` +
      `${cpus().length} cores): ${describeCpu(cpuUsed)}; the API ${((1000 * (cpuUsed.find((p) => p.name === 'api')?.seconds ?? NaN)) / total).toFixed(2)} ms an event\n`,
  );
  const gauge = (name) => Number(new RegExp(`^backhaul_${name} ([0-9.e+-]+)$`, 'm').exec(apiMetrics)?.[1] ?? NaN) * 1000;
  const gcSeconds = [...apiMetrics.matchAll(/^backhaul_nodejs_gc_duration_seconds_sum\{[^}]*\} ([0-9.e+-]+)$/gm)].reduce(
    (t, m) => t + Number(m[1]),
    0,
  );
  process.stdout.write(
    `- the API's event loop since it started: delay p99 ${ms(gauge('nodejs_eventloop_lag_p99_seconds'))} ms, ` +
      `max ${ms(gauge('nodejs_eventloop_lag_max_seconds'))} ms; garbage collection ${ms(gcSeconds * 1000)} ms in all\n`,
  );
  // The API's own timing of the webhook route, from its first middleware to the answer's last byte.
  const bucket = (le) => {
    const line = apiMetrics
      .split('\n')
      .find(
        (l) =>
          l.startsWith('backhaul_http_request_duration_seconds_bucket{') &&
          l.includes('route="/api/webhooks/stripe"') &&
          l.includes('status="200"') &&
          l.includes(`le="${le}"`),
      );
    return Number(line?.split(' ').pop() ?? NaN);
  };
  const within = (le) => `${((100 * bucket(le)) / bucket('+Inf')).toFixed(1)}%`;
  process.stdout.write(`- answers as the API timed them: within 50 ms ${within('0.05')}, within 1 s ${within('1')}\n`);
  const busyUntil = billRun?.finishedAt ? (new Date(billRun.finishedAt).getTime() - sendStarted) / 1000 : null;
  process.stdout.write(
    `- the bill run that kept the worker busy: ${billRun?.status ?? 'unknown'}, ${billRun?.accounts ?? '?'} accounts, ` +
      (busyUntil === null
        ? `still running when the last event was processed (the events were sent for ${seconds.toFixed(1)} s)\n`
        : `finished ${busyUntil.toFixed(1)} s after the first event was sent (the events were sent for ${seconds.toFixed(1)} s)\n`),
  );

  // The goal is set for a worker busy the whole time: a bill run that ended early leaves an easier run.
  const busyThroughout = busyUntil === null || busyUntil >= seconds;
  const verdict = !busyThroughout
    ? `not shown: the bill run ended before the last event was sent; raise BENCH_WEBHOOK_BUSY_ACCOUNTS`
    : answers.p99 < 50
      ? 'met'
      : 'not met';
  process.stdout.write(`\nGoal: answers p99 under 50 ms with the worker busy throughout: ${verdict} (${ms(answers.p99)} ms)\n`);
  await bench.dropDatabase(url).catch(() => {});
}

main().catch(async (err) => {
  await stopAll();
  for (const url of databases) await bench.dropDatabase(url).catch(() => {});
  fail(err instanceof Error ? err.stack : String(err));
});
