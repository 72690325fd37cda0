import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock';
import { generateDemoAccounts } from '../src/demo/accounts-demo';
import { generateUsagePolicyDemo } from '../src/demo/usage-demo';
import { usagePeriodsBack } from '../src/usage/usage-period';
import { benchApp } from './bench-app';
import { measure, report } from './harness';

const ACCOUNTS = Number(process.env.BENCH_USAGE_ACCOUNTS ?? 2_000);
const HOURS = 365 * 24;
const RUNS = 200;
const HOUR = 3_600_000;
const GOAL_P95_MS = 50;

/** The share of a day's traffic in each UTC hour, from midnight: quiet nights, busy evenings. */
const CURVE = [
  0.55, 0.32, 0.2, 0.14, 0.12, 0.13, 0.22, 0.38, 0.5, 0.55, 0.6, 0.66, 0.72, 0.72, 0.7, 0.76, 0.88, 1.08, 1.42, 1.78, 2.0, 1.92, 1.55, 1.0,
];

/**
 * A year of hourly usage for every account (8,760 rows each), written by the database itself from
 * a table of hour numbers, a few accounts at a time: a daily curve, each account its own volume
 * (100 to 900 GB a month) and every hour its own wobble.
 */
async function seedYear(db: DataSource, firstAccountId: number, lastAccountId: number, from: Date): Promise<void> {
  await db.query('CREATE TABLE bench_hour_numbers (n INT UNSIGNED NOT NULL PRIMARY KEY)');
  for (let n = 0; n < HOURS; n += 2_000) {
    await db.query('INSERT INTO bench_hour_numbers (n) VALUES ?', [Array.from({ length: Math.min(2_000, HOURS - n) }, (_, i) => [n + i])]);
  }
  const mean = CURVE.reduce((a, b) => a + b, 0) / CURVE.length;
  const curve = `ELT(1 + MOD(h.n + ?, 24), ${CURVE.map((c) => (c / mean).toFixed(3)).join(', ')})`;
  const perStatement = 100;
  for (let first = firstAccountId; first <= lastAccountId; first += perStatement) {
    await db.query(
      `INSERT INTO usage_hours (account_id, hour_start, upload_octets, download_octets)
       SELECT x.id, ? + INTERVAL x.n HOUR, x.down DIV (8 + MOD(x.id, 7)), x.down
         FROM (SELECT a.id, h.n,
                      CAST((100 + MOD(a.id * 7919, 800)) * 1e9 / 720 * ${curve} * (0.55 + MOD(a.id * 7919 + h.n * 104729, 1000) / 1111) AS UNSIGNED) AS down
                 FROM accounts a JOIN bench_hour_numbers h WHERE a.id BETWEEN ? AND ?) x
        ORDER BY x.id, x.n`,
      [from, from.getUTCHours(), first, Math.min(lastAccountId, first + perStatement - 1)],
    );
  }
  await db.query('DROP TABLE bench_hour_numbers');
}

/**
 * The bench's population: `ACCOUNTS` accounts on the residential data service with its usage
 * policy, each with a year of hourly usage up to the hour of `now` and a settlement for each
 * closed period of the year.
 */
export async function seedUsageTab(
  app: INestApplication,
  db: DataSource,
  now: Date,
): Promise<{ firstAccountId: number; lastAccountId: number; from: Date; end: Date; rows: number }> {
  const end = new Date(Math.floor(now.getTime() / HOUR) * HOUR);
  const from = new Date(end.getTime() - (HOURS - 1) * HOUR);
  const { firstAccountId, lastAccountId } = await generateDemoAccounts(db, ACCOUNTS, 31);

  await db.query(
    `INSERT INTO services (name, kind, price, download_kbps, upload_kbps, ledger_code, active) VALUES ('Bench fiber 300', 'data', 5999, 300000, 300000, '4100', 1)`,
  );
  const policyId = await generateUsagePolicyDemo(app, 'Bench fiber 300', []);
  const [{ id: serviceId }] = await db.query("SELECT id FROM services WHERE name = 'Bench fiber 300'");
  const addedOn = new Date(from.getTime() - 40 * 24 * HOUR).toISOString().slice(0, 10);
  await db.query(
    `INSERT INTO account_services (account_id, service_id, quantity, prorate_on_add, added_on, charged_through)
     SELECT id, ?, 1, 0, ?, NULL FROM accounts`,
    [serviceId, addedOn],
  );
  // The closed periods, settled as bill runs leave them (the anchor day is every account's: the system invoice day).
  const [{ anchor_day: anchorDay }] = await db.query('SELECT anchor_day FROM effective_billing_settings WHERE account_id = ?', [
    firstAccountId,
  ]);
  for (const p of usagePeriodsBack(Number(anchorDay), now, 12).slice(1)) {
    await db.query(
      `INSERT INTO usage_settlements (account_id, period_start, period_end, policy_id, billing_date, billable_octets, free_octets, cap_octets,
         rollover_draws, rollover_earned_octets, rollover_expires_at)
       SELECT id, ?, ?, ?, ?, 400000000000, 20000000000, 500000000000, '[]', 100000000000, ? + INTERVAL 3 MONTH FROM accounts`,
      [p.start, p.end, policyId, p.end.toISOString().slice(0, 10), p.end],
    );
  }
  await seedYear(db, firstAccountId, lastAccountId, from);
  await db.query('ANALYZE TABLE usage_hours, usage_settlements, account_services');
  const [{ n: rows }] = await db.query('SELECT COUNT(*) AS n FROM usage_hours');
  return { firstAccountId, lastAccountId, from, end, rows: Number(rows) };
}

/**
 * The account's Data Usage tab among many accounts with a year of hourly usage each, through the
 * HTTP API on a real port as the panel calls it: the billing periods (twelve of them), the
 * throughput chart over a month and over the last four hours, and the data service card when the
 * API has it. Every account has the residential data service with its usage policy (500 GB cap,
 * free hours, rollover) and a settlement for each closed period, as a year of bill runs leaves
 * them. Each call asks for another account, as clerks opening accounts do. The baselines, in the
 * same run: one usage_hours row by its primary key on the app's pool, and the signed-in user
 * (`GET /api/auth/me`), what any authenticated request costs.
 */
export async function usageTabBench(databaseUrl: string): Promise<void> {
  const { app, db, token } = await benchApp(databaseUrl);
  try {
    const now = app.get(Clock).now();
    process.stdout.write(`generating ${ACCOUNTS} accounts with a year of hourly usage each (${ACCOUNTS * HOURS} rows)…\n`);
    const started = Date.now();
    const { firstAccountId, lastAccountId, from, end, rows } = await seedUsageTab(app, db, now);
    process.stdout.write(`generated ${rows} usage hours in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

    await app.listen(0, '127.0.0.1');
    const base = await app.getUrl();
    const span = lastAccountId - firstAccountId + 1;
    const accountAt = (i: number) => firstAccountId + ((i * 7919) % span);
    const get = async (path: string) => {
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 300)}`);
      return body;
    };
    const iso = (d: Date) => d.toISOString();
    const monthAgo = new Date(end.getTime() - 30 * 24 * HOUR);
    const fourHoursAgo = new Date(end.getTime() - 3 * HOUR);
    const untilNow = new Date(end.getTime() + HOUR);
    const routes: [string, (id: number) => string][] = [
      ['GET /api/accounts/:id/usage-periods?periods=12', (id) => `/api/accounts/${id}/usage-periods?periods=12`],
      [
        'GET /api/accounts/:id/usage-hours, the last 30 days (720 hours)',
        (id) => `/api/accounts/${id}/usage-hours?from=${iso(monthAgo)}&to=${iso(untilNow)}`,
      ],
      [
        'GET /api/accounts/:id/usage-hours, the last 4 hours',
        (id) => `/api/accounts/${id}/usage-hours?from=${iso(fourHoursAgo)}&to=${iso(untilNow)}`,
      ],
      ['GET /api/accounts/:id/data-usage', (id) => `/api/accounts/${id}/data-usage`],
    ];
    // Whatever of the tab's routes this build has: a route it lacks answers Nest's own "Cannot GET".
    const present: typeof routes = [];
    for (const route of routes) {
      const res = await fetch(`${base}${route[1](firstAccountId)}`, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.text();
      if (res.status === 404 && body.includes('Cannot GET')) process.stdout.write(`(${route[0]} is not in this build; left out)\n`);
      else if (res.status !== 200) throw new Error(`${route[0]}: ${res.status} ${body.slice(0, 300)}`);
      else {
        present.push(route);
        process.stdout.write(`${route[0]}: ${body.length} bytes of JSON for one account\n`);
      }
    }

    const results = [
      await measure('baseline: one usage_hours row by primary key, raw SQL on the pool', RUNS, (i) =>
        db.query('SELECT upload_octets, download_octets FROM usage_hours WHERE account_id = ? AND hour_start = ?', [
          accountAt(i),
          new Date(from.getTime() + ((i * 131) % HOURS) * HOUR),
        ]),
      ),
      await measure('baseline: GET /api/auth/me (an authenticated request doing next to nothing)', RUNS, () => get('/api/auth/me')),
    ];
    for (const [name, path] of present) results.push(await measure(name, RUNS, (i) => get(path(accountAt(i)))));
    results.push(
      await measure('the whole tab: every route above side by side, as the panel asks', RUNS, (i) =>
        Promise.all(present.map(([, path]) => get(path(accountAt(i))))),
      ),
    );
    report(
      `Data Usage tab among ${ACCOUNTS} accounts with a year of hourly usage each (${rows} rows); a different account each call; goal p95 < ${GOAL_P95_MS} ms`,
      results,
    );
  } finally {
    await app.close();
  }
}
