// `npm run bench:billday -- [accounts] [--rate N]`: an ISP's whole bill day, end to end, as the night
// runs it. N subscribers (default 10,000; 10% child accounts; every top-level account with a billing
// contact and an autopay bank account) are billed by a bill run, their invoices emailed to a local
// SMTP sink, charged by the autopay run (bank debits, pending), and settled by signed
// payment_intent.succeeded events posted at N per second (--rate, default 200). The API, the worker,
// a Temporal dev server and stripe-mock run as separate processes, the local Stripe test mode in
// this one, MariaDB underneath. Each stage is printed beside its raw baseline measured in the same
// run, with the Temporal backlog and the processes' memory, then the end state is proved.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { atRate, databaseSettings, databaseUrl, okJson, postWebhook, sleep, stopChild } from './lib/bench.mjs';
import { startMailSink } from './lib/mail-sink.mjs';
import { cpuMeter, describeCpu, logChildrenTo, peakRssMiB, start, statusMiB, stopAll, stopOnSignals } from './lib/processes.mjs';
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
const billRunBench = require(join(ROOT, 'dist/bench/bill-run.bench.js'));
const bench = require(join(ROOT, 'dist/bench/bill-day.bench.js'));
const { StripeTestMode } = require(join(ROOT, 'dist/src/dev-tools/stripe-test-mode/stripe-test-mode.js'));
const Stripe = require('stripe');
const mysql = require('mysql2/promise');
const nodemailer = require('nodemailer');
const { Client, Connection } = require('@temporalio/client');

function parseArgs(argv) {
  let accounts = 10_000;
  let rate = 200;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--rate') rate = Number(argv[++i]);
    else if (argv[i].startsWith('--rate=')) rate = Number(argv[i].slice('--rate='.length));
    else if (/^\d+$/.test(argv[i].replace(/_/g, ''))) accounts = Number(argv[i].replace(/_/g, ''));
    else fail(`Unknown argument "${argv[i]}". Usage: npm run bench:billday -- [accounts] [--rate events-per-second]`);
  }
  if (!(accounts >= 10)) fail('The number of accounts must be at least 10');
  if (!(rate > 0)) fail('--rate must be a positive number of events per second');
  return { accounts, rate };
}

const { accounts: N, rate: RATE } = parseArgs(process.argv.slice(2));
// A date already passed, within the month, as the night after it would bill; the API refuses run dates far ahead.
const today = new Date();
const BILLING_DATE = `${today.getUTCFullYear()}-${String(today.getUTCMonth() + 1).padStart(2, '0')}-01`;
// The books are part of the proof at every size; a smaller limit is for a quick look at a huge run, which then does not pass.
const BOOKS_UP_TO = Number(process.env.BENCH_BILLDAY_BOOKS_UP_TO ?? Number.MAX_SAFE_INTEGER);
/** A stage that makes no progress for this long is given up; the end-state proof then says what is missing. */
const STALL_MS = Number(process.env.BENCH_BILLDAY_STALL_SECONDS ?? 180) * 1000;
const AUTOPAY_BASELINE_CONCURRENCY = 8;
const SECRET = 'whsec_bench_billday';
const STRIPE_KEY = 'sk_test_billday';
const server = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/backhaul');
const databases = [];
const cleanups = [];
const signer = new Stripe(STRIPE_KEY);

async function cleanUp() {
  await stopAll();
  for (const fn of cleanups.splice(0)) await fn().catch(() => {});
  for (const url of databases.splice(0)) await billRunBench.dropDatabase(url).catch(() => {});
}
stopOnSignals(cleanUp);

/** Runs fn over items with `lanes` calls in flight. */
async function inLanes(items, lanes, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/**
 * Polls `probe` (answering { done, progress }) until done. Fails when progress has not
 * moved for STALL_MS; answers false then, so the caller can still print what it has.
 */
/**
 * Calls `probe` until it says done: four times a second for the first ten seconds, then once a
 * second, so that a long stage's polling does not weigh on the database it is measuring.
 */
async function until(description, probe) {
  let last = null;
  const startedAt = Date.now();
  let movedAt = startedAt;
  for (;;) {
    const { done, progress } = await probe();
    if (done) return true;
    if (progress !== last) {
      last = progress;
      movedAt = Date.now();
    } else if (Date.now() - movedAt > STALL_MS) {
      process.stderr.write(`✖ Gave up waiting for ${description}: no progress for ${STALL_MS / 1000} s (at ${progress})\n`);
      return false;
    }
    await sleep(Date.now() - startedAt < 10_000 ? 250 : 1000);
  }
}

/** Every second: the Temporal workflows running and the API's and worker's resident memory. */
function startSampler(temporal, pids) {
  const samples = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const at = performance.now();
      const running = await temporal.workflow
        .count("ExecutionStatus = 'Running'")
        .then((r) => Number(r.count))
        .catch(() => NaN);
      samples.push({ at, running, api: statusMiB(pids.api, 'VmRSS'), worker: statusMiB(pids.worker, 'VmRSS') });
      await sleep(Math.max(0, 1000 - (performance.now() - at)));
    }
  })();
  return {
    samples,
    stop: async () => {
      stopped = true;
      await loop;
    },
    /** The highest of each over the samples taken from `from` to `to` (performance.now() times). */
    peaks(from, to) {
      const inside = samples.filter((s) => s.at >= from - 1000 && s.at <= to + 1000);
      const max = (key) => {
        const values = inside.map((s) => s[key]).filter(Number.isFinite);
        return values.length ? Math.max(...values) : NaN;
      };
      return { running: max('running'), api: max('api'), worker: max('worker') };
    },
  };
}

function settlementEvent(i, stamp, intentId) {
  return {
    id: `evt_billday_${stamp}_${i}`,
    object: 'event',
    type: 'payment_intent.succeeded',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: { object: { id: intentId, object: 'payment_intent', status: 'succeeded' } },
  };
}

/** SMTP alone: the same number of messages with a PDF of the same size, through one pooled nodemailer transport, to a sink of its own. */
async function smtpBaseline(count, attachment) {
  let received = 0;
  const dir = mkdtempSync(join(tmpdir(), 'backhaul-billday-smtp-baseline-'));
  const sink = await startMailSink({ dir, log: (line) => (received += line.startsWith('[mail]') ? 1 : 0) });
  const url = new URL(sink.url);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port),
    secure: false,
    pool: true,
    maxConnections: 5,
  });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      transport.sendMail({
        from: 'Backhaul <billing@backhaul.local>',
        to: `baseline${i}@subscribers.example.com`,
        subject: `Your invoice ${i}`,
        text: 'Your invoice is attached.',
        attachments: [{ filename: `invoice-${i}.pdf`, contentType: 'application/pdf', content: attachment }],
      }),
    ),
  );
  const ms = performance.now() - started;
  transport.close();
  await waitFor('the baseline sink to take every message', async () => received >= count, 30_000);
  await sink.stop();
  rmSync(dir, { recursive: true, force: true });
  return { ms, received };
}

/** The processor alone: PaymentIntent create+confirm calls straight to the local test mode, a few in flight. */
async function autopayBaseline(count, stripeApiBase) {
  const url = new URL(stripeApiBase);
  const stripe = new Stripe(STRIPE_KEY, {
    host: url.hostname,
    port: Number(url.port),
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });
  const ids = Array.from({ length: count }, (_, i) => i);
  const started = performance.now();
  await inLanes(ids, AUTOPAY_BASELINE_CONCURRENCY, async (i) => {
    const intent = await stripe.paymentIntents.create(
      {
        amount: 8_817,
        currency: 'usd',
        customer: `cus_billday_baseline_${i}`,
        payment_method: bench.BILL_DAY_BANK_TOKEN,
        allowed_payment_method_types: ['us_bank_account'],
        confirm: true,
        off_session: true,
        metadata: { baseline: String(i) },
      },
      { idempotencyKey: `billday-baseline-${Date.now()}-${i}` },
    );
    if (intent.status !== 'processing') throw new Error(`baseline intent ${intent.id} is ${intent.status}, not processing`);
  });
  return performance.now() - started;
}

/** Events alone: each event's row written with one bare INSERT on a pool, at the same rate. */
async function eventsBaseline(url, count, stamp) {
  const pool = mysql.createPool({ uri: url, connectionLimit: 10 });
  const started = performance.now();
  await atRate(count, RATE, async (i) => {
    const e = settlementEvent(i, `${stamp}_base`, `pi_billday_base_${i}`);
    await pool.query(
      `INSERT INTO webhook_events (id, provider, type, object_id, livemode, event_created_at, payload, status)
       VALUES (?, 'stripe', ?, ?, 0, FROM_UNIXTIME(?), ?, 'received')`,
      [e.id, e.type, e.data.object.id, e.created, JSON.stringify(e)],
    );
  });
  const ms = performance.now() - started;
  await pool.end();
  return ms;
}

async function main() {
  // BENCH_BILLDAY_LOG_DIR keeps every process's whole output (<dir>/worker.log, …) for a look afterwards.
  if (process.env.BENCH_BILLDAY_LOG_DIR) logChildrenTo(process.env.BENCH_BILLDAY_LOG_DIR);
  await requireDatabase(server.toString());
  const databaseSocket = await localDatabaseSocket(server.toString());
  const cli = await ensureTemporalCli();
  const stripeMockBin = await ensureStripeMock();
  const temporalPort = await freePort();
  step('Starting a Temporal dev server, stripe-mock, the local Stripe test mode and an SMTP sink');
  await startTemporal(cli, { port: temporalPort, headless: true, quiet: true });
  const temporalAddress = `127.0.0.1:${temporalPort}`;
  const stripeMock = await startStripeMock(stripeMockBin, { port: await freePort(), quiet: true });
  const testMode = await StripeTestMode.start({ upstream: stripeMock, settleAfterMs: null });
  cleanups.push(() => testMode.close());
  const mailDir = mkdtempSync(join(tmpdir(), 'backhaul-billday-mail-'));
  cleanups.push(async () => rmSync(mailDir, { recursive: true, force: true }));
  // Every message the sink took, as its log line (recipients and subject), with how often it came.
  const mailLines = new Map();
  let mailReceived = 0;
  const sink = await startMailSink({
    dir: mailDir,
    log: (line) => {
      if (!line.startsWith('[mail] ')) return;
      mailReceived++;
      mailLines.set(line, (mailLines.get(line) ?? 0) + 1);
    },
  });
  cleanups.push(() => sink.stop());

  const stamp = Date.now();
  const url = databaseUrl(server, `backhaul_bench_billday_${N}_${stamp}`);
  const baselineUrl = databaseUrl(server, `backhaul_bench_billday_base_${N}_${stamp}`);
  databases.push(url, baselineUrl);
  step(`${N} subscribers: migrating and populating two databases (the bill day and the INSERT baseline)`);
  await billRunBench.createDatabase(url);
  const population = await bench.populateBillDay(url, N, BILLING_DATE);
  const user = await billRunBench.createBenchUser(url);
  await billRunBench.createDatabase(baselineUrl);
  const basePopulation = await bench.populateBillDay(baselineUrl, N, BILLING_DATE);
  step(`${N} subscribers: baseline of the bill run (bare multi-row INSERTs of the same rows)`);
  const insertsMs = await billRunBench.baselineInserts(baselineUrl, basePopulation, BILLING_DATE);

  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    ...(databaseSocket && { DATABASE_SOCKET: databaseSocket }),
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: `bench-billday-${N}-${stamp}`,
    STRIPE_API_BASE: testMode.url,
    STRIPE_SECRET_KEY: STRIPE_KEY,
    STRIPE_WEBHOOK_SECRET: SECRET,
    SMTP_URL: sink.url,
    PORT: String(port),
    LOG_LEVEL: 'warn',
  };
  // BENCH_BILLDAY_PROFILE_DIR: each process writes a V8 CPU profile there when it stops, to see where the day's time goes.
  const profile = process.env.BENCH_BILLDAY_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_BILLDAY_PROFILE_DIR}`] : [];
  const api = start('api', 'node', [...profile, join(ROOT, 'dist/src/main.js')], { env });
  const worker = start('worker', 'node', [...profile, join(ROOT, 'dist/src/worker.js')], {
    env: { ...env, LOG_LEVEL: 'info' },
    quiet: true,
  });
  worker.polling = false;
  worker.stdout.on('data', (chunk) => (worker.polling ||= String(chunk).includes('Worker polling task queue')));
  worker.stderr.on('data', (chunk) => process.stderr.write(`[worker] ${chunk}`));
  const base = `http://127.0.0.1:${port}`;
  await waitFor('the API', async () => (await fetch(`${base}/api/health`).catch(() => null))?.ok === true);
  await waitFor('the worker', async () => worker.polling);
  await sleep(2000);
  const { token } = await okJson(
    await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) }),
  );
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const connection = await Connection.connect({ address: temporalAddress });
  cleanups.unshift(() => connection.close());
  const temporal = new Client({ connection, namespace: 'default' });
  const sampler = startSampler(temporal, { api: api.pid, worker: worker.pid });
  const db = await mysql.createConnection(url);
  cleanups.unshift(() => db.end());
  const count = async (sql, params = []) => Number(Object.values((await db.query(sql, params))[0][0])[0]);
  // Statements the server has run so far: per item of a stage, how much of the database each item costs.
  const statements = async () => Number((await db.query("SHOW GLOBAL STATUS LIKE 'Questions'"))[0][0].Value);
  const asked = { start: await statements() };

  // Stage 1 and 2: the bill run, and its invoice emails delivered, both timed from the run's start.
  step(`Bill run for ${BILLING_DATE} through the API; its invoice emails delivered to the SMTP sink`);
  const dayStarted = performance.now();
  // Who the CPU went to in each stage: on two cores, that says what bounds it.
  const cpu = { billRun: cpuMeter() };
  const { workflowId: billRunId, started: billRunStarted } = await okJson(
    await fetch(`${base}/api/bill-runs`, { method: 'POST', headers, body: JSON.stringify({ date: BILLING_DATE }) }),
  );
  if (!billRunStarted) throw new Error(`A bill run for ${BILLING_DATE} already exists on this Temporal server`);
  let billRun = null;
  let billRunEnded = null;
  let emailsEnded = null;
  await until('the bill run and its emails', async () => {
    if (billRunEnded === null) {
      billRun = (await okJson(await fetch(`${base}/api/bill-runs`, { headers }))).find((r) => r.workflowId === billRunId);
      if (billRun && billRun.status !== 'running') billRunEnded = performance.now();
    }
    const [[mail]] = await db.query(
      `SELECT COUNT(*) AS total, COALESCE(SUM(status = 'sent'), 0) AS sent, COALESCE(SUM(status = 'queued'), 0) AS queued
         FROM emails WHERE related_type = 'invoice'`,
    );
    const total = Number(mail.total);
    if (emailsEnded === null && billRunEnded !== null && total >= population.topLevel && Number(mail.queued) === 0) {
      emailsEnded = performance.now();
    }
    return {
      done: billRunEnded !== null && emailsEnded !== null,
      progress: `${billRun?.accounts ?? 0} billed, ${mail.sent}/${total} sent`,
    };
  });
  const billRunMs = (billRunEnded ?? performance.now()) - dayStarted;
  const emailsMs = (emailsEnded ?? performance.now()) - dayStarted;
  const emailCount = await count("SELECT COUNT(*) FROM emails WHERE related_type = 'invoice'");
  asked.billed = await statements();
  const cpuUsed = { billRun: cpu.billRun.read() };

  // Stage 3: the autopay run of the date.
  step(`Autopay run for ${BILLING_DATE} through the API`);
  const autopayStarted = performance.now();
  cpu.autopay = cpuMeter();
  const { workflowId: autopayId } = await okJson(
    await fetch(`${base}/api/autopay-runs`, { method: 'POST', headers, body: JSON.stringify({ date: BILLING_DATE }) }),
  );
  let autopayRun = null;
  const autopayDone = await until('the autopay run', async () => {
    autopayRun = (await okJson(await fetch(`${base}/api/autopay-runs`, { headers }))).find((r) => r.workflowId === autopayId);
    return { done: Boolean(autopayRun) && autopayRun.status !== 'running', progress: String(autopayRun?.attempts ?? 0) };
  });
  const autopayEnded = performance.now();
  cpuUsed.autopay = cpu.autopay.read();
  asked.charged = await statements();
  const autopayMs = autopayEnded - autopayStarted;
  const [charges] = await db.query(
    `SELECT id, stripe_payment_intent_id AS intent FROM processor_payments
      WHERE payment_date = ? AND status = 'pending' AND stripe_payment_intent_id IS NOT NULL ORDER BY id`,
    [BILLING_DATE],
  );

  // Stage 4: the bank settles each debit; Stripe's event for it is posted at the rate.
  step(`Settlement events: ${charges.length} signed payment_intent.succeeded at ${RATE}/s`);
  const eventsStarted = performance.now();
  cpu.events = cpuMeter();
  const deliver = async (e) => {
    const payload = JSON.stringify(e);
    const header = signer.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    return postWebhook(`${base}/api/webhooks/stripe`, payload, header);
  };
  const { results: answers, seconds: sendSeconds } = await atRate(charges.length, RATE, async (i) => {
    testMode.settle(charges[i].intent, 'succeeded');
    return deliver(settlementEvent(i, stamp, charges[i].intent));
  });
  const refused = answers.filter((status) => status !== 200).length;
  const eventPrefix = `evt_billday_${stamp}_`;
  await until('every settlement event to be processed', async () => {
    // Every event is stored by now (each was answered); the waiting ones are few and counted off the status index.
    const waiting = await count("SELECT COUNT(*) FROM webhook_events WHERE status = 'received'");
    if (waiting) return { done: false, progress: String(waiting) };
    const processed = await count("SELECT COUNT(*) FROM webhook_events WHERE id LIKE CONCAT(?, '%') AND status = 'processed'", [
      eventPrefix,
    ]);
    return { done: processed >= charges.length, progress: `processed ${processed}` };
  });
  const eventsEnded = performance.now();
  cpuUsed.events = cpu.events.read();
  const eventsMs = eventsEnded - eventsStarted;
  const dayMs = eventsEnded - dayStarted;
  // The mail the payments set off (receipts) goes out before the processes stop, so the sink can be compared with the rows.
  await until('every queued email to be delivered', async () => {
    const queued = await count("SELECT COUNT(*) FROM emails WHERE status = 'queued'");
    return { done: queued === 0, progress: String(queued) };
  });
  const mailDrainedMs = performance.now() - eventsEnded;
  asked.settled = await statements();

  await sampler.stop();
  const memory = { api: peakRssMiB(api.pid), worker: peakRssMiB(worker.pid) };
  const peaks = {
    billRun: sampler.peaks(dayStarted, dayStarted + billRunMs),
    emails: sampler.peaks(dayStarted, dayStarted + emailsMs),
    autopay: sampler.peaks(autopayStarted, autopayEnded),
    events: sampler.peaks(eventsStarted, eventsEnded),
  };
  const autopayRunDetail = autopayRun ? await okJson(await fetch(`${base}/api/autopay-runs/${autopayRun.id}`, { headers })) : null;
  // The API and the worker are done; stripe-mock and the test mode stay for the autopay baseline.
  await Promise.all([stopChild(api), stopChild(worker)]);

  // The baselines that need the day's rows: the same invoices, charges and events, each alone.
  step(`Baseline of the emails: ${emailCount} invoice PDFs rendered in this process, then as many SMTP sends on a pooled transport`);
  const pdfs = await bench.renderInvoicePdfs(url);
  const smtp = await smtpBaseline(emailCount, pdfs.sample.length ? pdfs.sample : Buffer.alloc(40_000, 0x20));
  step(
    `Baseline of autopay: ${charges.length} PaymentIntent create+confirm calls to the Stripe test mode, ${AUTOPAY_BASELINE_CONCURRENCY} at once`,
  );
  const stripeMs = await autopayBaseline(charges.length, testMode.url);
  step(`Baseline of the events: ${charges.length} bare INSERTs at ${RATE}/s`);
  const insertEventsMs = await eventsBaseline(baselineUrl, charges.length, stamp);

  step(
    N <= BOOKS_UP_TO
      ? 'Checking the end state and the books'
      : `Checking the end state (the books only up to ${BOOKS_UP_TO} accounts: not this run)`,
  );
  const billCheck = await billRunBench.checkBillRun(url, BILLING_DATE, N <= BOOKS_UP_TO);
  const check = await bench.checkBillDay(url, BILLING_DATE, eventPrefix);
  // The sink's side: each invoice email row's message arrived once; nothing arrived that no sent row accounts for.
  const [invoiceMails] = await db.query("SELECT to_address AS too, subject FROM emails WHERE related_type = 'invoice' AND status = 'sent'");
  const arrivals = invoiceMails.map((m) => mailLines.get(`[mail] to ${m.too}: ${m.subject}`) ?? 0);
  const arrived = {
    invoiceMessagesOnce: arrivals.filter((n) => n === 1).length,
    invoiceMessagesNotOnce: arrivals.filter((n) => n !== 1).length,
    invoiceMessages: arrivals.reduce((a, n) => a + n, 0),
    sentRows: await count("SELECT COUNT(*) FROM emails WHERE status = 'sent'"),
    received: mailReceived,
  };

  const stages = [
    {
      name: 'bill run',
      items: N,
      unit: 'accounts',
      ms: billRunMs,
      baseline: 'bare multi-row INSERTs',
      baseMs: insertsMs,
      peaks: peaks.billRun,
      statements: asked.billed - asked.start,
    },
    {
      name: 'emails',
      items: emailCount,
      unit: 'emails',
      ms: emailsMs,
      baseline: `${pdfs.invoices} PDFs alone (${(pdfs.ms / 1000).toFixed(1)} s) + SMTP pooled (${(smtp.ms / 1000).toFixed(1)} s)`,
      baseMs: pdfs.ms + smtp.ms,
      peaks: peaks.emails,
      // The bill run and its emails share one span of time, so their statements are counted together, under the bill run.
      statements: null,
    },
    {
      name: 'autopay',
      items: autopayRun?.attempts ?? 0,
      unit: 'charges',
      ms: autopayMs,
      baseline: `PaymentIntent create+confirm, ${AUTOPAY_BASELINE_CONCURRENCY} at once`,
      baseMs: stripeMs,
      peaks: peaks.autopay,
      statements: asked.charged - asked.billed,
    },
    {
      name: 'settlement events',
      items: charges.length,
      unit: 'events',
      ms: eventsMs,
      baseline: `bare INSERTs at ${RATE}/s`,
      baseMs: insertEventsMs,
      peaks: peaks.events,
      // Each payment's receipt included: the settlement queues it, and the stage's count runs until the mail is out.
      statements: asked.settled - asked.charged,
    },
  ];

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const s = (ms) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
  const out = (line = '') => process.stdout.write(`${line}\n`);
  const mib = (v) => (Number.isFinite(v) ? String(Math.round(v)) : 'n/a');
  out();
  out(`## bill day: ${N} accounts (${population.topLevel} top-level, emailed and on autopay), events at ${RATE}/s`);
  out(
    `${machine}; the worker at niceness ${process.env.WORKER_NICENESS ?? 0} (WORKER_NICENESS); ` +
      `the database through ${databaseSocket ? `its Unix socket (${databaseSocket})` : 'TCP'} (DATABASE_SOCKET); ${await databaseSettings(mysql, url)}`,
  );
  out();
  out(
    '| stage | items | time s | items/s | baseline | baseline s | ratio | SQL statements per item | Temporal running peak | worker RSS peak MiB | API RSS peak MiB |',
  );
  out('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const st of stages) {
    const ratio = st.baseMs > 0 ? (st.ms / st.baseMs).toFixed(2) : 'n/a';
    out(
      `| ${st.name} | ${st.items} ${st.unit} | ${s(st.ms)} | ${(st.items / (st.ms / 1000)).toFixed(0)} | ${st.baseline} | ${s(st.baseMs)} | ${ratio} | ` +
        `${st.statements === null ? 'with the bill run' : (st.statements / Math.max(1, st.items)).toFixed(0)} | ` +
        `${mib(st.peaks.running)} | ${mib(st.peaks.worker)} | ${mib(st.peaks.api)} |`,
    );
  }
  out();
  out(`- whole bill day (bill run started → last event processed): ${s(dayMs)} s`);
  const cores = cpus().length;
  for (const [name, used, ms] of [
    ['bill run and emails', cpuUsed.billRun, Math.max(billRunMs, emailsMs)],
    ['autopay', cpuUsed.autopay, autopayMs],
    ['settlement events', cpuUsed.events, eventsEnded - eventsStarted],
  ]) {
    out(`- CPU in ${name} (${s(ms)} s, ${((ms / 1000) * cores).toFixed(0)} CPU-seconds on ${cores} cores): ${describeCpu(used)}`);
  }
  out(`- peak resident memory over the day (VmHWM): worker ${memory.worker} MiB, API ${memory.api} MiB`);
  out(`- bill run: ${billRun?.status ?? 'unknown'}, ${billRun?.accounts ?? '?'} accounts`);
  out(
    `- autopay run: ${autopayRun?.status ?? 'unknown'}${autopayDone ? '' : ' (gave up waiting)'}, ${autopayRun?.attempts ?? '?'} attempts: ` +
      `${autopayRun?.processing ?? '?'} processing, ${autopayRun?.succeeded ?? '?'} succeeded, ${autopayRun?.failed ?? '?'} failed` +
      (autopayRunDetail ? `, ${autopayRunDetail.attemptList.length} listed` : ''),
  );
  out(`- events sent in ${sendSeconds.toFixed(1)} s (${(charges.length / sendSeconds).toFixed(0)}/s); answers other than 200: ${refused}`);
  out(`- other mail of the day (payment receipts) delivered ${s(mailDrainedMs)} s after the last event was processed`);
  out(`- invoice PDF mean size ${(pdfs.meanBytes / 1024).toFixed(1)} KiB; the SMTP baseline's sink took ${smtp.received} messages`);

  const proofs = [
    [
      'every invoice emailed exactly once',
      check.invoicesWithRecipient > 0 &&
        check.invoicesEmailedOnce === check.invoicesWithRecipient &&
        check.invoicesNotEmailedOnce === 0 &&
        check.emails === check.invoicesWithRecipient &&
        check.emailsSent === check.invoicesWithRecipient &&
        arrived.invoiceMessagesOnce === check.invoicesWithRecipient &&
        arrived.invoiceMessages === check.invoicesWithRecipient &&
        arrived.received === arrived.sentRows,
      `${check.invoicesWithRecipient} invoices with a recipient; ${check.invoicesEmailedOnce} with one sent email, ${check.invoicesNotEmailedOnce} with another number; ` +
        `${check.emails} invoice email rows, ${check.emailsSent} sent; the sink received ${arrived.invoiceMessages} invoice messages ` +
        `(${arrived.invoiceMessagesOnce} once, ${arrived.invoiceMessagesNotOnce} not once) and ${arrived.received} messages in all ` +
        `for ${arrived.sentRows} sent email rows of every kind (payment receipts included)`,
    ],
    [
      'every autopay account charged exactly once',
      check.autopayAccounts > 0 &&
        check.accountsChargedOnce === check.autopayAccounts &&
        check.accountsNotChargedOnce === 0 &&
        check.payments === check.autopayAccounts &&
        check.paymentsSucceeded === check.autopayAccounts &&
        check.ledgerPayments === check.autopayAccounts &&
        check.accountsWithOneLedgerPayment === check.autopayAccounts,
      `${check.autopayAccounts} autopay accounts; ${check.accountsChargedOnce} with one processor payment, ${check.accountsNotChargedOnce} with another number; ` +
        `${check.payments} payments, ${check.paymentsSucceeded} succeeded; ${check.ledgerPayments} ledger payments, ${check.accountsWithOneLedgerPayment} accounts with one`,
    ],
    [
      'every event processed exactly once',
      check.events === charges.length &&
        check.eventsProcessed === charges.length &&
        check.eventsProcessedOnce === charges.length &&
        charges.length > 0,
      `${charges.length} sent; ${check.events} stored, ${check.eventsProcessed} processed, ${check.eventsProcessedOnce} processed with attempts = 1`,
    ],
    [
      'the books clean',
      billCheck.books !== null && billCheck.books.mismatches === 0 && billCheck.accountsInvoicedTwice === 0 && billCheck.chargesTwice === 0,
      `${billCheck.invoices} invoices, ${billCheck.charges} charges, invoiced twice: ${billCheck.accountsInvoicedTwice}, charged twice: ${billCheck.chargesTwice}; ` +
        (billCheck.books
          ? `books: ${billCheck.books.mismatches} mismatches (${billCheck.books.seconds.toFixed(0)} s)`
          : 'books not checked at this size'),
    ],
  ];
  out('\nEnd state:');
  for (const [name, ok, detail] of proofs) out(`- ${name}: ${ok ? 'holds' : 'DOES NOT HOLD'} (${detail})`);

  out('\nGoals:');
  if (N === 10_000) out(`- 10,000 accounts' whole bill day under 3 minutes: ${s(dayMs)} s ${dayMs < 180_000 ? 'met' : 'NOT met'}`);
  else out(`- 10,000 accounts' whole bill day under 3 minutes: not measured at ${N} accounts (this day took ${s(dayMs)} s)`);
  for (const st of stages) {
    const ratio = st.ms / st.baseMs;
    out(`- ${st.name} within 3× its baseline: ${Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a'}× ${ratio <= 3 ? 'met' : 'NOT met'}`);
  }

  await cleanUp();
  const broken = proofs.filter(([, ok]) => !ok).map(([name]) => name);
  if (broken.length) fail(`The bill day did not end as it must: ${broken.join('; ')}`);
}

main().catch(async (err) => {
  await cleanUp();
  fail(err instanceof Error ? err.stack : String(err));
});
