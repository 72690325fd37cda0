import 'reflect-metadata';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { DELINQUENT_ACCOUNT_CONDITION } from '../src/accounts/accounts.service';
import { addDays, addMonths } from '../src/billing/billing-calendar';
import { OWED_ON_INVOICE, OWING_INVOICE_CONDITION } from '../src/billing/billing-figures.service';
import { RECEIVED_PAYMENT_CONDITION } from '../src/billing/book-figures.service';
import { LedgerService } from '../src/billing/ledger.service';
import { agingBucketSql, OPEN_INVOICE_INDEXED } from '../src/billing/receivables-aging';
import { RECURRING_AMOUNT, RECURRING_AMOUNT_JOINS, serviceActiveOnCondition } from '../src/billing/recurring-charges';
import { joinEffectiveSettings } from '../src/billing-config/effective-settings';
import { accountDueCondition } from '../src/billing/due-on-date';
import { populateBillableAccounts } from '../src/demo/billing-population';
import { benchApp } from './bench-app';
import { measure, report } from './harness';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const MONTHS = 12;
const RUNS = 15;

/**
 * Twelve months of a book written straight into the tables: one invoice a month per
 * account, most paid by a payment a few days before it fell due, one account in
 * twenty never paying, the last three months partly open; services added over a
 * year so recurring revenue changes from month to month; some email queued or
 * rejected and a few accounts in a delinquency status.
 */
async function seedBook(db: DataSource, today: string): Promise<void> {
  await db.query(`UPDATE account_services SET added_on = DATE_SUB(?, INTERVAL MOD(account_id * 7, 400) DAY)`, [today]);
  await db.query(`UPDATE account_services SET removed_on = DATE_SUB(?, INTERVAL MOD(account_id, 20) DAY) WHERE MOD(account_id, 50) = 0`, [
    today,
  ]);
  const monthStart = `${today.slice(0, 8)}01`;
  for (let m = MONTHS - 1; m >= 0; m--) {
    const date = addMonths(monthStart, -m);
    const paid = m >= 3 ? 'IF(MOD(a.id, 20) = 0, 0, 8298)' : `IF(MOD(a.id, ${m + 2}) = 0, 8298, IF(MOD(a.id, 7) = 0, 4000, 0))`;
    await db.query(
      `INSERT INTO invoices (account_id, invoice_date, due_date, period_start, period_end, generated_for, total, tax_total, paid)
       SELECT a.id, ?, DATE_ADD(?, INTERVAL 14 DAY), ?, DATE_ADD(?, INTERVAL 1 MONTH), ?, 8298, 0, ${paid} FROM accounts a`,
      [date, date, date, date, date],
    );
    await db.query(
      `INSERT INTO transactions (account_id, kind, side, amount, transaction_date, description, payment_method)
       SELECT i.account_id, 'payment', 'credit', i.paid, LEAST(?, DATE_ADD(i.due_date, INTERVAL -2 DAY)), 'bench payment', 'card'
         FROM invoices i WHERE i.generated_for = ? AND i.paid > 0`,
      [today, date],
    );
  }
  await db.query(
    `INSERT INTO account_statuses (name, counts_as_active, is_delinquency, color) VALUES ('Suspended for non-payment', 0, 1, '#c62828')`,
  );
  await db.query(
    `UPDATE accounts SET account_status_id = (SELECT id FROM account_statuses WHERE is_delinquency = 1 LIMIT 1) WHERE MOD(id, 20) = 0`,
  );
  await db.query(
    `INSERT INTO emails (account_id, to_address, from_address, subject, body_text, message_id, status, sent_at, reject_reason)
     SELECT x.id, 'someone@example.com', 'billing@example.com', 'Your invoice', 'Your invoice is ready.', CONCAT('<bench-', x.id, '@example.com>'),
            x.status, IF(x.status = 'sent', NOW(3), NULL), IF(x.status = 'rejected', '550 mailbox unavailable', NULL)
       FROM (SELECT a.id, ELT(1 + MOD(a.id, 10), 'sent', 'sent', 'sent', 'sent', 'sent', 'sent', 'sent', 'sent', 'rejected', 'queued') AS status
               FROM accounts a) x`,
  );
  // As the nightly auto-close leaves it: every month before this one closed.
  await db.query('UPDATE accounting_period SET close_date = ?', [addDays(monthStart, -1)]);
  await db.query('ANALYZE TABLE accounts, account_services, invoices, transactions, emails');
}

/**
 * The dashboard among 100k subscribers (months before this one closed, as the
 * nightly auto-close leaves them, so after its first call the API reads only the
 * open month's invoices and payments; the baseline reads all twelve every time): GET /api/dashboard beside the same
 * figures' SQL sent straight to the database, side by side as the service sends
 * them. The difference is what the API adds: HTTP, the session, the domains'
 * mapping and the bill run, autopay and late fee look-ups on small tables. The
 * next bill run's due accounts, the bill run's own query and the slowest figure,
 * have a request of their own and are measured apart and together with the rest.
 */
export async function dashboardBench(databaseUrl: string): Promise<void> {
  const { app, db, token } = await benchApp(databaseUrl);
  try {
    const today = app.get(LedgerService).today();
    process.stdout.write(`populating ${ACCOUNTS} accounts due today (${today}), the worst day for the next bill run…\n`);
    let started = Date.now();
    await populateBillableAccounts(db, { accounts: ACCOUNTS, billingDate: today });
    await seedBook(db, today);
    const [[{ invoices }], [{ transactions }], [{ services }]] = await Promise.all([
      db.query('SELECT COUNT(*) AS invoices FROM invoices'),
      db.query('SELECT COUNT(*) AS transactions FROM transactions'),
      db.query('SELECT COUNT(*) AS services FROM account_services'),
    ]);
    process.stdout.write(
      `seeded ${invoices} invoices, ${transactions} payments, ${services} account services in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );

    const monthStart = `${today.slice(0, 8)}01`;
    const before = addDays(monthStart, -1);
    const from = addMonths(monthStart, -(MONTHS - 1));
    const rawQueries: [string, () => Promise<unknown>][] = [
      [
        'accounts by status',
        () =>
          db.query('SELECT st.id, COUNT(a.id) FROM account_statuses st LEFT JOIN accounts a ON a.account_status_id = st.id GROUP BY st.id'),
      ],
      ['delinquent accounts', () => db.query(`SELECT COUNT(*) FROM accounts a WHERE ${DELINQUENT_ACCOUNT_CONDITION}`)],
      [
        'recurring revenue, today and last month',
        () =>
          db.query(
            `SELECT SUM(IF(${serviceActiveOnCondition('run.today')}, ${RECURRING_AMOUNT}, 0)), SUM(IF(${serviceActiveOnCondition('run.b')}, ${RECURRING_AMOUNT}, 0))
               FROM (SELECT CAST(? AS DATE) AS today, CAST(? AS DATE) AS b) run
               JOIN account_services s ON s.added_on <= GREATEST(run.today, run.b) AND (s.removed_on IS NULL OR s.removed_on > LEAST(run.today, run.b))
               ${RECURRING_AMOUNT_JOINS}`,
            [today, before],
          ),
      ],
      [
        'aging of open invoices',
        () =>
          db.query(
            `SELECT ${agingBucketSql('run.d')} AS bucket, COUNT(*), SUM(${OWED_ON_INVOICE})
               FROM (SELECT CAST(? AS DATE) AS d) run JOIN invoices i ON ${OPEN_INVOICE_INDEXED} GROUP BY bucket`,
            [today],
          ),
      ],
      [
        'invoiced by month, twelve months',
        () =>
          db.query(
            `SELECT DATE_FORMAT(i.invoice_date, '%Y-%m') AS month, SUM(i.total) FROM invoices i
              WHERE i.invoice_date BETWEEN ? AND ? AND ${OWING_INVOICE_CONDITION} GROUP BY month`,
            [from, today],
          ),
      ],
      [
        'paid by month, twelve months',
        () =>
          db.query(
            `SELECT DATE_FORMAT(t.transaction_date, '%Y-%m') AS month, SUM(t.amount + t.tax_amount) FROM transactions t
              WHERE t.transaction_date BETWEEN ? AND ? AND ${RECEIVED_PAYMENT_CONDITION} GROUP BY month`,
            [from, today],
          ),
      ],
      [
        'queued and rejected email',
        () => db.query("SELECT e.status, COUNT(*) FROM emails e WHERE e.status IN ('queued', 'rejected') GROUP BY e.status"),
      ],
    ];
    const rawDue: [string, () => Promise<unknown>] = [
      'accounts due for the next bill run',
      () =>
        db.query(
          `SELECT COUNT(*) FROM (SELECT CAST(? AS DATE) AS d) run JOIN accounts a ${joinEffectiveSettings('a', 'e')}
            WHERE ${accountDueCondition('a', 'e', 'run.d')}`,
          [today],
        ),
    ];
    const rawFigures = () => Promise.all(rawQueries.map(([, run]) => run()));

    const get = (path: string) => request(app.getHttpServer()).get(path).auth(token, { type: 'bearer' }).expect(200);
    started = Date.now();
    const first = await get('/api/dashboard');
    process.stdout.write(`first GET /api/dashboard, every month read: ${Date.now() - started} ms\n`);
    const next = await get('/api/dashboard/next-bill-run');
    process.stdout.write(
      `next bill run ${next.body.runDate}: ${next.body.dueAccounts} accounts due; receivables ${first.body.receivables}; ` +
        `recurring ${first.body.recurringRevenue.monthly} (change ${first.body.recurringRevenue.change})\n`,
    );
    // The page asks for both at once and shows the figures when the first answers.
    const results = [
      await measure('raw SQL baseline: the figures, sent side by side on the pool', RUNS, () => rawFigures()),
      await measure('GET /api/dashboard', RUNS, () => get('/api/dashboard')),
      await measure('raw SQL baseline: accounts due for the next bill run', RUNS, rawDue[1]),
      await measure('GET /api/dashboard/next-bill-run', RUNS, () => get('/api/dashboard/next-bill-run')),
      await measure('raw SQL baseline: all of it side by side', RUNS, () => Promise.all([rawFigures(), rawDue[1]()])),
      await measure('both requests side by side, as the page sends them', RUNS, () =>
        Promise.all([get('/api/dashboard'), get('/api/dashboard/next-bill-run')]),
      ),
    ];
    report(`dashboard among ${ACCOUNTS} accounts (${invoices} invoices, ${transactions} payments)`, results);
    const each = [];
    for (const [name, run] of [...rawQueries, rawDue]) each.push(await measure(`raw SQL: ${name}`, 5, run));
    report('each figure alone, raw SQL', each);
  } finally {
    await app.close();
  }
}
