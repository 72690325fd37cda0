// `npm test`: the same set-up as `npm run dev`, then the whole jest suite against a fresh
// database and a Temporal dev server of its own, both removed afterwards whatever the outcome.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, stopAll, stopOnSignals } from './lib/processes.mjs';
import {
  fail,
  buildAdmin,
  buildServer,
  ensureChromium,
  ensurePdftotext,
  ensureNodeModules,
  ensureStripeMock,
  ensureTemporalCli,
  freePort,
  loadDotEnv,
  requireDatabase,
  ROOT,
  startStripeMock,
  step,
} from './lib/setup.mjs';
import { startTemporal } from './lib/temporal.mjs';

loadDotEnv();
const serverUrl = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/backhaul');
const database = `backhaul_test_${Date.now()}_${process.pid}`;
const testUrl = new URL(serverUrl);
testUrl.pathname = `/${database}`;
const scratch = mkdtempSync(join(tmpdir(), 'backhaul-test-'));

async function dropDatabase() {
  try {
    const mysql = createRequire(join(ROOT, 'package.json'))('mysql2/promise');
    const admin = new URL(serverUrl);
    admin.pathname = '/';
    const conn = await mysql.createConnection(admin.toString());
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await conn.end();
  } catch (err) {
    process.stderr.write(`Could not drop ${database}: ${err.message}\n`);
  }
}

async function cleanUp() {
  await stopAll();
  await dropDatabase();
  rmSync(scratch, { recursive: true, force: true });
}

stopOnSignals(cleanUp);

await requireDatabase(serverUrl.toString());
const temporalCli = await ensureTemporalCli();
const stripeMock = await ensureStripeMock();
const chromium = await ensureChromium();
const pdftotext = await ensurePdftotext();
await ensureNodeModules();
// The full run is the gate; a run focused on some test files (`npm test -- test/audit`) skips the check.
const focused = process.argv.length > 2;
if (!focused) {
  step('Checking format, lint and types (npm run check)');
  await run('npm', ['run', '--silent', 'check'], { cwd: ROOT }).catch(() =>
    fail('npm run check failed (see above): run npm run format for formatting, fix lint and type errors, then re-run.'),
  );
}
await buildAdmin();
// Some tests run the compiled worker as a process of its own, to kill it.
await buildServer();

const temporalPort = await freePort();
step(`Starting a private Temporal dev server on :${temporalPort}`);
await startTemporal(temporalCli, { port: temporalPort, headless: true, quiet: true });

const stripePort = await freePort();
step(`Starting stripe-mock on :${stripePort}`);
const stripeApiBase = await startStripeMock(stripeMock, { port: stripePort, quiet: true });

const env = {
  ...process.env,
  NODE_ENV: 'test',
  // Every Stripe call the tests make goes to this stripe-mock, never to Stripe, whatever .env says.
  STRIPE_API_BASE: stripeApiBase,
  STRIPE_SECRET_KEY: 'sk_test_backhaul',
  DATABASE_URL: testUrl.toString(),
  TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
  TEMPORAL_CLI: temporalCli,
  CHROMIUM_PATH: chromium,
  PDFTOTEXT_PATH: pdftotext,
  STORAGE_DIR: join(scratch, 'storage'),
  TEST_SCRATCH_DIR: scratch,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};

const results = join(scratch, 'jest-results.json');
let exitCode = 1;
try {
  step(`Running jest against database ${database}`);
  await run(join(ROOT, 'node_modules', '.bin', 'jest'), ['--json', `--outputFile=${results}`, ...process.argv.slice(2)], {
    env,
    cwd: ROOT,
  });
  exitCode = 0;
} catch {
  exitCode = 1;
} finally {
  try {
    const summary = JSON.parse(readFileSync(results, 'utf8'));
    process.stdout.write(`\njest: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed\n`);
    if (summary.numTotalTests === 0) exitCode = 1;
  } catch {
    process.stdout.write('\njest produced no results\n');
    exitCode = 1;
  }
  await cleanUp();
}
process.exit(exitCode);
