import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { ALL_PERMISSIONS } from '../src/auth/permission';
import { InvariantCheckerService } from '../src/billing/invariant-checker.service';
import { loadConfig } from '../src/config/app-config';
import { runMigrations } from '../src/database/migrate';
import { BillingPopulation, populateBillableAccounts } from '../src/demo/billing-population';
import { RolesService } from '../src/users/roles.service';
import { UsersService } from '../src/users/users.service';
import { WorkerModule } from '../src/worker.module';

/**
 * The parts of `npm run bench:billrun` that need the project's code: a migrated
 * database with its population, the bare-INSERT baseline, a staff user for the
 * API, and the checks afterwards. scripts/bench-billrun.mjs runs the processes.
 */

const BATCH = 500;

export async function createDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/';
  const conn = await createConnection(url.toString());
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  await runMigrations(loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }));
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/';
  const conn = await createConnection(url.toString());
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.end();
}

/** Runs `fn` in the worker's Nest context on the database at `databaseUrl`, closed afterwards. */
export async function withContext<T>(
  databaseUrl: string,
  fn: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>,
) {
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

export async function populate(databaseUrl: string, accounts: number, billingDate: string): Promise<BillingPopulation> {
  return withContext(databaseUrl, (app) => populateBillableAccounts(app.get(DataSource), { accounts, billingDate }));
}

/** A staff user holding every permission; the orchestrator logs in as it through the API. */
export async function createBenchUser(databaseUrl: string): Promise<{ email: string; password: string }> {
  return withContext(databaseUrl, async (app) => {
    const role = await app.get(RolesService).create({ name: 'bench', permissions: [...ALL_PERMISSIONS] });
    const email = 'bench@backhaul.local';
    const password = 'bench-password-123';
    await app.get(UsersService).create({ email, name: 'Bench', password, roleIds: [role.id] });
    return { email, password };
  });
}

/**
 * The floor a bill run is compared with: the same invoice, charge and tax rows
 * written with plain multi-row INSERTs in transactions of the run's batch size,
 * with no reading, no computing and no locking.
 */
export async function baselineInserts(databaseUrl: string, population: BillingPopulation, billingDate: string): Promise<number> {
  const conn = await createConnection(databaseUrl);
  const [services] = (await conn.query('SELECT id, price FROM services WHERE id IN (?) ORDER BY id', [
    population.serviceIds,
  ])) as unknown as [{ id: number; price: number }[]];
  const started = process.hrtime.bigint();
  for (let from = population.firstAccountId; from <= population.lastAccountId; from += BATCH) {
    const ids: number[] = [];
    for (let id = from; id < Math.min(population.lastAccountId + 1, from + BATCH); id++) ids.push(id);
    await conn.beginTransaction();
    const [inv] = (await conn.query(
      'INSERT INTO invoices (account_id, invoice_date, due_date, period_start, period_end, generated_for, total, tax_total) VALUES ?',
      [ids.map((id) => [id, billingDate, billingDate, billingDate, billingDate, billingDate, 8_817, 519])],
    )) as unknown as [{ insertId: number }];
    const debits = ids.flatMap((id, i) =>
      services.map((s) => [id, 'debit', 'debit', s.price, 0, billingDate, 'baseline', s.id, inv.insertId + i]),
    );
    const [tx] = (await conn.query(
      'INSERT INTO transactions (account_id, kind, side, amount, tax_amount, transaction_date, description, service_id, invoice_id) VALUES ?',
      [debits],
    )) as unknown as [{ insertId: number }];
    await conn.query('INSERT INTO transaction_taxes (transaction_id, tax_id, tax_name, rate_e4, amount) VALUES ?', [
      debits.map((_, i) => [tx.insertId + i, population.taxId, 'baseline', 62_500, 100]),
    ]);
    await conn.commit();
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  await conn.end();
  return ms;
}

export interface BillRunCheck {
  invoices: number;
  charges: number;
  taxRows: number;
  accountsInvoicedTwice: number;
  chargesTwice: number;
  linkedChildren: number;
  books: { mismatches: number; seconds: number } | null;
}

/** Counts what the run wrote and, for runs small enough, proves the books balance. */
export async function checkBillRun(databaseUrl: string, billingDate: string, withBooks: boolean): Promise<BillRunCheck> {
  return withContext(databaseUrl, async (app) => {
    const db = app.get(DataSource);
    const one = async (sql: string, params: unknown[] = []) => Number(Object.values((await db.query(sql, params))[0])[0]);
    const check: BillRunCheck = {
      invoices: await one('SELECT COUNT(*) FROM invoices WHERE generated_for = ?', [billingDate]),
      charges: await one("SELECT COUNT(*) FROM transactions WHERE kind = 'debit' AND transaction_date = ?", [billingDate]),
      taxRows: await one('SELECT COUNT(*) FROM transaction_taxes'),
      accountsInvoicedTwice: await one(
        'SELECT COUNT(*) FROM (SELECT account_id FROM invoices WHERE invoice_date = ? GROUP BY account_id HAVING COUNT(*) > 1) x',
        [billingDate],
      ),
      chargesTwice: await one(
        `SELECT COUNT(*) FROM (SELECT account_service_id FROM transactions WHERE kind = 'debit' AND transaction_date = ?
           GROUP BY account_service_id HAVING COUNT(*) > 1) x`,
        [billingDate],
      ),
      linkedChildren: await one('SELECT COUNT(*) FROM invoices WHERE generated_for = ? AND parent_invoice_id IS NOT NULL', [billingDate]),
      books: null,
    };
    if (withBooks) {
      const started = Date.now();
      const report = await app.get(InvariantCheckerService).check(billingDate);
      check.books = { mismatches: report.mismatches.length, seconds: (Date.now() - started) / 1000 };
    }
    return check;
  });
}

/** How many batches and accounts each worker process billed in the run of the date. */
export async function workerShares(
  databaseUrl: string,
  billingDate: string,
): Promise<{ worker: string; batches: number; accounts: number }[]> {
  const conn = await createConnection(databaseUrl);
  try {
    const [rows] = (await conn.query(
      `SELECT COALESCE(b.worker, '?') AS worker, COUNT(*) AS batches, SUM(b.accounts) AS accounts
         FROM bill_run_batches b JOIN bill_runs r ON r.id = b.bill_run_id
        WHERE r.run_date = ? GROUP BY b.worker ORDER BY b.worker`,
      [billingDate],
    )) as unknown as [{ worker: string; batches: number; accounts: string }[]];
    return rows.map((r) => ({ worker: r.worker, batches: Number(r.batches), accounts: Number(r.accounts) }));
  } finally {
    await conn.end();
  }
}
