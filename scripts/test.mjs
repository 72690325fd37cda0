// `npm test`: the same set-up as `npm run dev`, then the jest suite lane by lane against a fresh
// database and a Temporal dev server of its own, both removed afterwards whatever the outcome.
//
//   npm test                          every lane, quickest first, stopping at the first that fails
//   npm test -- --lane unit           one lane (unit, integration, browser or chaos); unit starts nothing
//   npm test -- test/audit [jest args] a focused run: starts what the chosen specs' lanes need
import { execFile } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { formatSummary, laneSummary, readResults } from './lib/lane-report.mjs';
import { GROUPED_LANES, LANE_NEEDS, LANE_ORDER, laneOf, recordSeconds, specGroupsDir, writeSpecGroups } from './lib/lanes.mjs';
import { run, stopAll, stopOnSignals } from './lib/processes.mjs';
import { imapUrl, startDovecot } from './lib/dovecot.mjs';
import {
  fail,
  buildAdmin,
  buildServer,
  ensureChromium,
  ensureDovecot,
  ensureFreeradius,
  ensureKea,
  ensurePdftotext,
  ensureNodeModules,
  ensureStripeMock,
  ensureTemporalCli,
  freePort,
  loadDotEnv,
  localDatabaseSocket,
  requireDatabase,
  ROOT,
  startStripeMock,
  step,
} from './lib/setup.mjs';
import { startTemporal } from './lib/temporal.mjs';

/** Splits `--lane X` (repeatable, or comma-separated) from the arguments meant for jest. */
function parseArguments(argv) {
  const lanes = [];
  const jestArgs = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--lane' || arg.startsWith('--lane=')) {
      const value = arg === '--lane' ? argv[++i] : arg.slice('--lane='.length);
      for (const lane of (value ?? '').split(',')) {
        if (!LANE_ORDER.includes(lane)) fail(`--lane must be one of ${LANE_ORDER.join(', ')}; got "${lane}".`);
        if (!lanes.includes(lane)) lanes.push(lane);
      }
    } else {
      jestArgs.push(arg);
    }
  }
  return { lanes: LANE_ORDER.filter((lane) => lanes.includes(lane)), jestArgs };
}

const { lanes: chosenLanes, jestArgs } = parseArguments(process.argv.slice(2));
const focused = jestArgs.length > 0;
const fullRun = !focused && chosenLanes.length === 0;

loadDotEnv();
const serverUrl = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/backhaul');
const database = `backhaul_test_${Date.now()}_${process.pid}`;
const testUrl = new URL(serverUrl);
testUrl.pathname = `/${database}`;
const scratch = mkdtempSync(join(tmpdir(), 'backhaul-test-'));
// Dovecot's own processes (not root) must reach their directory, so it is not inside the 0700 scratch dir.
let dovecotDir = null;
const resultsDir = join(ROOT, 'test-results');
const jest = join(ROOT, 'node_modules', '.bin', 'jest');
const startedAt = Date.now();
const phases = [];
const laneSummaries = [];

/** Runs one step of the set-up and remembers how long it took. */
async function phase(name, work) {
  const started = Date.now();
  const result = await work();
  phases.push({ name, seconds: (Date.now() - started) / 1000 });
  return result;
}

// The run's database, its template and every database a suite copied from it share the run's name.
async function dropDatabases() {
  try {
    const mysql = createRequire(join(ROOT, 'package.json'))('mysql2/promise');
    const admin = new URL(serverUrl);
    admin.pathname = '/';
    const conn = await mysql.createConnection(admin.toString());
    const [rows] = await conn.query('SHOW DATABASES');
    for (const name of rows.map((row) => Object.values(row)[0])) {
      if (name === database || name.startsWith(`${database}_`)) await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    }
    await conn.end();
  } catch (err) {
    process.stderr.write(`Could not drop ${database}: ${err.message}\n`);
  }
}

let servicesStarted = false;
async function cleanUp() {
  await stopAll();
  if (servicesStarted) await dropDatabases();
  rmSync(scratch, { recursive: true, force: true });
  if (dovecotDir) rmSync(dovecotDir, { recursive: true, force: true });
}

stopOnSignals(cleanUp);

/** The lanes the focused run's spec files belong to, as jest selects them. */
async function lanesOfFocusedRun(selectProjects) {
  const { stdout } = await promisify(execFile)(jest, ['--listTests', '--json', ...selectProjects, ...jestArgs], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((err) => fail(`jest could not list the tests for ${jestArgs.join(' ')}:\n${err.stderr ?? err.message}`));
  const lanes = new Set(JSON.parse(stdout).map((file) => laneOf(ROOT, file)));
  return LANE_ORDER.filter((lane) => lanes.has(lane));
}

// Without DATABASE_URL or a Temporal address a unit spec that reaches for either fails at once, saying which.
const unitEnv = () => {
  const env = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', TEST_SCRATCH_DIR: scratch };
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  // Nothing in the unit lane may call Stripe; should one try, it meets a closed port rather than Stripe.
  env.STRIPE_API_BASE = 'http://127.0.0.1:9';
  env.STRIPE_SECRET_KEY = 'sk_test_backhaul';
  return env;
};

let servicesEnv;
/**
 * The builds, Temporal dev server and stripe-mock the integration, browser and chaos lanes use,
 * the FreeRADIUS and Kea packages whose private instances their specs start, and a Dovecot
 * whose mailbox the inbound-mail specs append to and poll.
 */
async function startServices({ chromium }) {
  await phase('build the admin panel and the API', async () => {
    await buildAdmin();
    // Some tests run the compiled worker as a process of its own, to kill it.
    await buildServer();
  });
  const temporalCli = await ensureTemporalCli();
  const stripeMock = await ensureStripeMock();
  await ensureFreeradius();
  await ensureKea();
  await ensureDovecot();
  const databaseSocket = await localDatabaseSocket(testUrl.toString());
  servicesStarted = true;
  const { temporalPort, stripeApiBase, testImapUrl } = await phase('start Temporal, stripe-mock and Dovecot', async () => {
    const temporalPort = await freePort();
    step(`Starting a private Temporal dev server on :${temporalPort}`);
    const stripePort = await freePort();
    const imapPort = await freePort();
    dovecotDir = mkdtempSync(join(tmpdir(), 'backhaul-dovecot-'));
    // One mailbox for the whole run; each spec takes a folder of its own in it (test/support/test-mailbox.ts).
    const mailbox = { name: 'inbound@backhaul.test', password: `test-${process.pid}-${Date.now()}` };
    const [, stripeApiBase, dovecot] = await Promise.all([
      startTemporal(temporalCli, { port: temporalPort, headless: true, quiet: true }),
      (step(`Starting stripe-mock on :${stripePort}`), startStripeMock(stripeMock, { port: stripePort, quiet: true })),
      (step(`Starting Dovecot (IMAP) on :${imapPort}`),
      startDovecot({ dir: dovecotDir, port: imapPort, mailboxes: [mailbox], quiet: true })),
    ]);
    return { temporalPort, stripeApiBase, testImapUrl: imapUrl(dovecot, mailbox, '') };
  });
  servicesEnv = {
    ...process.env,
    NODE_ENV: 'test',
    // Every Stripe call the tests make goes to this stripe-mock, never to Stripe, whatever .env says.
    STRIPE_API_BASE: stripeApiBase,
    STRIPE_SECRET_KEY: 'sk_test_backhaul',
    DATABASE_URL: testUrl.toString(),
    ...(databaseSocket && { DATABASE_SOCKET: databaseSocket }),
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    TEMPORAL_CLI: temporalCli,
    PDFTOTEXT_PATH: await ensurePdftotext(),
    STORAGE_DIR: join(scratch, 'storage'),
    TEST_SCRATCH_DIR: scratch,
    // The run's IMAP server and mailbox, without a folder: test/support/test-mailbox.ts adds one per spec.
    TEST_IMAP_URL: testImapUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  if (chromium) await addChromium();
}

async function addChromium() {
  if (!servicesEnv.CHROMIUM_PATH) servicesEnv.CHROMIUM_PATH = await ensureChromium();
}

/**
 * One jest invocation; returns whether every test passed (and there was at least one). With
 * `logFile` its output goes there instead of the terminal, and is printed whole when it ends.
 */
async function runJest(label, args, env, { logFile } = {}) {
  const file = join(resultsDir, `jest-${label}.json`);
  rmSync(file, { force: true });
  const started = Date.now();
  step(`Running jest: ${label}${logFile ? ` (its output follows when it ends; meanwhile in ${relative(ROOT, logFile)})` : ''}`);
  const log = logFile ? openSync(logFile, 'w') : null;
  const ok = await run(jest, ['--json', `--outputFile=${file}`, ...args], {
    env,
    cwd: ROOT,
    ...(log !== null && { stdio: ['ignore', log, log] }),
  }).then(
    () => true,
    () => false,
  );
  if (log !== null) {
    closeSync(log);
    process.stdout.write(`\n── jest: ${label} ──\n${readFileSync(logFile, 'utf8')}`);
  }
  const results = readResults(file);
  const summary = laneSummary(ROOT, label, results, (Date.now() - started) / 1000);
  laneSummaries.push(summary);
  if (!results) process.stdout.write(`\njest produced no results for ${label}\n`);
  else process.stdout.write(`\n${label}: ${summary.passed} passed, ${summary.failed} failed\n`);
  return ok && results !== null && summary.tests > 0;
}

/**
 * The lanes a run takes, in order, as stages of lanes run at once: the chaos lane runs beside
 * the browser lane. Its specs spend most of their time waiting for a killed worker's work to
 * time out and be taken up again (about half of two cores, measured), and on one jest worker it
 * takes less time than the browser lane, so beside it the run is shorter by most of the chaos lane.
 */
function stagesOf(lanes) {
  const together = lanes.includes('browser') && lanes.includes('chaos');
  return lanes
    .filter((lane) => !(together && lane === 'chaos'))
    .map((lane) => (together && lane === 'browser' ? ['browser', 'chaos'] : [lane]));
}

function report() {
  const total = { phases, lanes: laneSummaries, totalSeconds: (Date.now() - startedAt) / 1000 };
  process.stdout.write(formatSummary(total));
  writeFileSync(join(resultsDir, 'timings.json'), JSON.stringify({ ...total, finishedAt: new Date().toISOString() }, null, 2));
  recordSeconds(
    ROOT,
    laneSummaries.flatMap((lane) => lane.slowest),
  );
}

let exitCode = 1;
try {
  if (fullRun) {
    // Everything that could stop the run is checked before anything runs.
    await requireDatabase(serverUrl.toString());
    await ensureTemporalCli();
    await ensureStripeMock();
    await ensureFreeradius();
    await ensureKea();
    await ensureDovecot();
    await ensureChromium();
  }
  await ensurePdftotext();
  await ensureNodeModules();
  mkdirSync(resultsDir, { recursive: true });
  // Group files and their timings belong to the run that wrote them.
  rmSync(specGroupsDir(ROOT), { recursive: true, force: true });

  if (focused) {
    const select = chosenLanes.length ? ['--selectProjects', ...chosenLanes] : [];
    const lanes = await lanesOfFocusedRun(select);
    const needs = lanes.filter((lane) => LANE_NEEDS[lane].services);
    if (needs.length) {
      await requireDatabase(serverUrl.toString());
      await startServices({ chromium: needs.some((lane) => LANE_NEEDS[lane].chromium) });
    }
    const env = needs.length ? servicesEnv : unitEnv();
    exitCode = (await runJest(lanes.join('+') || 'focused', [...select, ...jestArgs], env)) ? 0 : 1;
  } else {
    const lanes = fullRun ? LANE_ORDER : chosenLanes;
    exitCode = 0;
    for (const stage of stagesOf(lanes)) {
      const needs = LANE_NEEDS[stage[0]];
      if (needs.services && !servicesEnv) {
        if (fullRun) {
          // The gate of a full run, after the unit lane: its few seconds fail faster than this check.
          const checked = await phase('format, lint and types (npm run check)', async () => {
            step('Checking format, lint and types (npm run check)');
            return run('npm', ['run', '--silent', 'check'], { cwd: ROOT }).then(
              () => true,
              () => false,
            );
          });
          if (!checked) {
            process.stderr.write(
              '\n✖ npm run check failed (see above): run npm run format for formatting, fix lint and type errors, then re-run.\n',
            );
            exitCode = 1;
            break;
          }
        } else {
          await requireDatabase(serverUrl.toString());
        }
        await startServices({ chromium: false });
      }
      if (stage.some((lane) => LANE_NEEDS[lane].chromium)) await addChromium();
      const passed = await Promise.all(
        stage.map((lane, i) => {
          const env = LANE_NEEDS[lane].services ? servicesEnv : unitEnv();
          if (GROUPED_LANES.includes(lane)) writeSpecGroups(ROOT, lane);
          const laneEnv = GROUPED_LANES.includes(lane) ? { ...env, TEST_SPEC_GROUPS: '1' } : env;
          // A lane beside another gets one jest worker, and its output is kept apart until it ends.
          const beside = i > 0;
          return runJest(lane, ['--selectProjects', lane, ...(beside ? ['--maxWorkers=1'] : [])], laneEnv, {
            logFile: beside ? join(resultsDir, `jest-${lane}.log`) : undefined,
          });
        }),
      );
      if (passed.includes(false)) {
        exitCode = 1;
        const failed = stage.filter((_, i) => !passed[i]);
        const skipped = lanes.slice(lanes.indexOf(stage[stage.length - 1]) + 1);
        if (skipped.length) process.stdout.write(`\nLane ${failed.join(', ')} failed; not running ${skipped.join(', ')}.\n`);
        break;
      }
    }
  }
} catch (err) {
  process.stderr.write(`\n${err.stack ?? err}\n`);
  exitCode = 1;
} finally {
  if (laneSummaries.length) report();
  await cleanUp();
}
process.exit(exitCode);
