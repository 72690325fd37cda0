// `npm run dev`: everything a local instance needs, started together and stopped with Ctrl-C.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isStopping, logChildrenTo, start, run, stopOnSignals, stopAll, track } from './lib/processes.mjs';
import { deliverDemoMail } from './lib/demo-mail.mjs';
import { imapUrl, startDovecot } from './lib/dovecot.mjs';
import {
  buildAdmin,
  buildServer,
  canConnect,
  ensureDovecot,
  ensureFreeradius,
  freePort,
  ensureKea,
  ensureNodeModules,
  ensureStripeMock,
  ensureTemporalCli,
  fail,
  loadDotEnv,
  localDatabaseSocket,
  requireDatabase,
  ROOT,
  startStripeMock,
  step,
  waitFor,
} from './lib/setup.mjs';
import { startStripeTestMode } from './lib/stripe-test-mode.mjs';
import { startTemporal } from './lib/temporal.mjs';

loadDotEnv();
const env = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  DATABASE_URL: process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/backhaul',
  TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
  PORT: process.env.PORT ?? '3000',
  STORAGE_DIR: process.env.STORAGE_DIR ?? join(ROOT, '.data', 'storage'),
};
const temporalPort = Number(env.TEMPORAL_ADDRESS.split(':')[1]);
// Without a Stripe account of your own (no STRIPE_API_BASE, the placeholder key), payments go to a local stripe-mock.
const useStripeMock = !process.env.STRIPE_API_BASE && (process.env.STRIPE_SECRET_KEY ?? 'sk_test_backhaul') === 'sk_test_backhaul';
const stripeMockPort = Number(process.env.STRIPE_MOCK_PORT ?? 12111);
// In front of stripe-mock, Stripe's test mode: test cards succeed or decline, bank debits settle a little later.
const stripeTestModePort = Number(process.env.STRIPE_TEST_MODE_PORT ?? 0);
const uiPort = Number(process.env.TEMPORAL_UI_PORT ?? 8233);

stopOnSignals();

await requireDatabase(env.DATABASE_URL);
const temporalCli = await ensureTemporalCli();
const stripeMock = useStripeMock ? await ensureStripeMock() : null;
await ensureFreeradius();
await ensureKea();
// Without a mailbox of your own (no INBOUND_MAIL_IMAP_URL), tickets read mail from a local Dovecot.
const useLocalMailbox = !process.env.INBOUND_MAIL_IMAP_URL;
if (useLocalMailbox) await ensureDovecot();
await ensureNodeModules();
const databaseSocket = await localDatabaseSocket(env.DATABASE_URL);
if (databaseSocket) env.DATABASE_SOCKET = databaseSocket;
await buildServer();
await buildAdmin();

step('Applying migrations');
await run('node', [join(ROOT, 'dist/src/cli/migrate.js')], { env });
// The services' own output goes to files; the terminal keeps the steps, the banner and warnings.
const logs = join(ROOT, '.data', 'logs');
logChildrenTo(logs);

// Temporal before the demo data: the data's network changes start their provisioning runs there,
// which the worker carries out once it is up.
step(`Starting the Temporal dev server (:${temporalPort}, UI :${uiPort})`);
await startTemporal(temporalCli, {
  port: temporalPort,
  uiPort,
  dbFile: join(ROOT, '.data', `temporal-${new URL(env.DATABASE_URL).pathname.slice(1)}.db`),
});

// FreeRADIUS and Kea DHCPv4 of the instance's own, on loopback, each on a database next to the
// instance's that keeps its rows between runs; their configuration is generated in .data/network.
const devDatabase = new URL(env.DATABASE_URL).pathname.slice(1);
const radiusSecret = process.env.RADIUS_SECRET ?? 'backhaul-radius';
try {
  // Compiled by buildServer() above, like the rest of the API: one implementation for the tests and for this.
  const compiled = createRequire(import.meta.url);
  const { prepareRadiusDatabase, startFreeradius } = compiled(join(ROOT, 'dist/src/dev-tools/network-lab/freeradius-lab.js'));
  const { prepareKeaDatabase, startKea } = compiled(join(ROOT, 'dist/src/dev-tools/network-lab/kea-lab.js'));
  step(`Starting FreeRADIUS and Kea DHCPv4 on loopback (databases ${devDatabase}_radius and ${devDatabase}_kea)`);
  const [radiusUrl, keaUrl] = await Promise.all([
    prepareRadiusDatabase(env.DATABASE_URL, `${devDatabase}_radius`),
    prepareKeaDatabase(env.DATABASE_URL, `${devDatabase}_kea`),
  ]);
  const [radius, kea] = await Promise.all([
    startFreeradius({
      dir: join(ROOT, '.data', 'network', 'freeradius'),
      databaseUrl: radiusUrl,
      databaseSocket,
      clientSecret: radiusSecret,
      logFile: join(logs, 'freeradius.log'),
    }),
    startKea({ dir: join(ROOT, '.data', 'network', 'kea'), databaseUrl: keaUrl, logFile: join(logs, 'kea-dhcp4.log') }),
  ]);
  track('freeradius', radius.child);
  track('kea-dhcp4', kea.child);
  Object.assign(env, {
    RADIUS_DATABASE_URL: radiusUrl,
    RADIUS_SERVER: `${radius.host}:${radius.authPort}`,
    RADIUS_SECRET: radiusSecret,
    RADIUS_ACCT_PORT: String(radius.acctPort),
    KEA_DATABASE_URL: keaUrl,
    KEA_CONTROL_SOCKET: kea.controlSocket,
    KEA_DHCP_PORT: String(kea.serverPort),
    KEA_CLIENT_PORT: String(kea.clientPort),
  });
} catch (err) {
  await stopAll();
  fail(`FreeRADIUS or Kea did not start: ${err.message}`);
}

step('Loading demo data (first run only)');
await run('node', [join(ROOT, 'dist/src/cli/seed-demo.js')], { env });

let stripeMockUrl = null;
if (stripeMock) {
  if (await canConnect('127.0.0.1', stripeMockPort, 500)) {
    step(`Using the stripe-mock already listening on :${stripeMockPort}`);
    stripeMockUrl = `http://127.0.0.1:${stripeMockPort}`;
  } else {
    step(`Starting stripe-mock (:${stripeMockPort}) for card and bank payments`);
    stripeMockUrl = await startStripeMock(stripeMock, { port: stripeMockPort });
  }
  // Settlements reach the API as Stripe's would: signed events on its webhook route.
  env.STRIPE_API_BASE = await startStripeTestMode({
    upstream: stripeMockUrl,
    port: stripeTestModePort,
    webhookUrl: `http://127.0.0.1:${env.PORT}/api/webhooks/stripe`,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? 'whsec_backhaul',
    env,
  });
  step(`Started the local Stripe test mode on ${env.STRIPE_API_BASE} (test cards; bank debits settle after a few seconds)`);
}

// Without a relay of your own (no SMTP_URL), outgoing email goes to a local sink that keeps it under .data/mail.
if (!process.env.SMTP_URL) {
  // Loaded only now: the sink needs npm packages, which a fresh clone has only after ensureNodeModules().
  const { startMailSink } = await import('./lib/mail-sink.mjs');
  const sink = await startMailSink({ dir: join(ROOT, '.data', 'mail') });
  env.SMTP_URL = sink.url;
  step(`Started a local mail sink on ${sink.url} (messages kept in .data/mail)`);
}

// The demo helpdesk mailbox, the demo Support group's inbound address: mail appended or delivered to it becomes tickets (docs/inbound-mail.md).
const demoMailbox = { name: 'support@example.com', password: process.env.DEV_IMAP_PASSWORD ?? 'backhaul-mail' };
let dovecotDir = null;
if (useLocalMailbox) {
  dovecotDir = join(ROOT, '.data', 'dovecot');
  const imapPort = Number(process.env.DEV_IMAP_PORT ?? 0) || (await freePort());
  try {
    const dovecot = await startDovecot({ dir: dovecotDir, port: imapPort, mailboxes: [demoMailbox] });
    env.INBOUND_MAIL_IMAP_URL = imapUrl(dovecot, demoMailbox);
    env.INBOUND_MAIL_POLL_SECONDS ??= '15';
    step(`Started a local IMAP server (Dovecot) on :${imapPort} with the mailbox ${demoMailbox.name}`);
    const delivered = deliverDemoMail({ dir: dovecotDir, mailbox: demoMailbox.name });
    if (delivered) step(`Delivered ${delivered} demo messages to ${demoMailbox.name}; the worker files them as tickets`);
  } catch (err) {
    await stopAll();
    fail(`Dovecot did not start: ${err.message}`);
  }
}

step('Starting the API and the worker');
const api = start('api', 'node', [join(ROOT, 'dist/src/main.js')], { env });
start('worker', 'node', [join(ROOT, 'dist/src/worker.js')], { env });
api.once('exit', async (code) => {
  if (isStopping()) return;
  await stopAll();
  fail(`The API stopped (exit ${code}); see ${join(logs, 'api.log')}.`);
});

const base = `http://localhost:${env.PORT}`;
await waitFor('the API health check', async () => {
  try {
    return (await fetch(`${base}/api/health`)).ok;
  } catch {
    return false;
  }
});

step('Scheduling the nightly billing in Temporal');
await run('node', [join(ROOT, 'dist/src/cli/schedules.js')], { env });

process.stdout.write(`
Backhaul is running. Ctrl-C stops everything.

  Admin panel   ${base}/admin
  API docs      ${base}/api/docs   (OpenAPI JSON: ${base}/api/docs-json)
  Health        ${base}/api/health
  Temporal UI   http://localhost:${uiPort}
  Stripe        ${stripeMockUrl ? `${env.STRIPE_API_BASE} (local test mode, in front of stripe-mock at ${stripeMockUrl})` : (env.STRIPE_API_BASE ?? 'api.stripe.com')}
  Mail          ${env.SMTP_URL.replace(/\/\/[^@/]*@/, '//')}
  Inbound mail  ${env.INBOUND_MAIL_IMAP_URL.replace(/:[^:@/]*@/, ':…@')}${
    dovecotDir
      ? `
                login ${demoMailbox.name} / ${demoMailbox.password}; deliver a message with
                /usr/lib/dovecot/dovecot-lda -c ${join(dovecotDir, 'dovecot.conf')} -d ${demoMailbox.name} < message.eml`
      : ''
  }
  RADIUS        ${env.RADIUS_SERVER} (accounting :${env.RADIUS_ACCT_PORT}, secret ${radiusSecret}, users in ${devDatabase}_radius)
                try: radtest demo-1 demo-pass-1 ${env.RADIUS_SERVER} 0 ${radiusSecret}
  DHCP (Kea)    relayed from 127.0.0.1 to :${env.KEA_DHCP_PORT}, answers to :${env.KEA_CLIENT_PORT}; control socket ${env.KEA_CONTROL_SOCKET}

  Logs          ${logs}/ (api, worker, temporal, stripe-mock, stripe-test-mode, freeradius, kea-dhcp4, dovecot); warnings and errors also show below

  Demo login    admin@backhaul.local / backhaul-demo
`);
