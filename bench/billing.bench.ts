import 'reflect-metadata';
import request from 'supertest';
import { InvariantCheckerService } from '../src/billing/invariant-checker.service';
import { LedgerService } from '../src/billing/ledger.service';
import { generateDemoAccounts } from '../src/demo/accounts-demo';
import { generateBillingDemo } from '../src/demo/billing-demo';
import { benchApp } from './bench-app';
import { measure, report } from './harness';
import { transactionWithRetry } from '../src/database/transaction';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const BILLED = Number(process.env.BENCH_BILLED_ACCOUNTS ?? 500);
const RUNS = 300;

/**
 * The billing screens among 100k subscribers: the figures banner, the invoice
 * list, the ledger with its running balance and a cash payment, each beside the
 * bare SQL it stands on, plus how fast one account's invoice is generated.
 */
export async function billingBench(databaseUrl: string): Promise<void> {
  const { app, db, token } = await benchApp(databaseUrl);
  try {
    process.stdout.write(`generating ${ACCOUNTS} accounts…\n`);
    const { firstAccountId } = await generateDemoAccounts(db, ACCOUNTS, 11);
    process.stdout.write(`billing ${BILLED} of them for three months through the services…\n`);
    let started = Date.now();
    await generateBillingDemo(app, firstAccountId, BILLED);
    const billingSeconds = (Date.now() - started) / 1000;
    await db.query('ANALYZE TABLE invoices, transactions, credit_applications, account_services');
    const [{ invoices }] = await db.query('SELECT COUNT(*) AS invoices FROM invoices');
    process.stdout.write(
      `${invoices} invoices generated (with services added and payments taken) in ${billingSeconds.toFixed(1)} s: ` +
        `${(Number(invoices) / billingSeconds).toFixed(1)} invoices/s including everything around them\n`,
    );

    const accountAt = (i: number) => firstAccountId + ((i * 7919) % BILLED);
    const get = (path: string) => request(app.getHttpServer()).get(path).auth(token, { type: 'bearer' }).expect(200);
    const filter = (f: object) => encodeURIComponent(JSON.stringify(f));
    const results = [
      await measure('figures, raw SQL baseline (sum of open invoices and unapplied credit)', RUNS, (i) =>
        db.query(
          `SELECT (SELECT COALESCE(SUM(total - paid), 0) FROM invoices WHERE account_id = ? AND is_void = 0),
                  (SELECT COALESCE(SUM(amount + tax_amount), 0) FROM transactions WHERE account_id = ? AND side = 'credit')`,
          [accountAt(i), accountAt(i)],
        ),
      ),
      await measure('GET /api/accounts/:id/billing-figures', RUNS, (i) => get(`/api/accounts/${accountAt(i)}/billing-figures`)),
      await measure('invoices, raw SQL baseline (one account, newest first)', RUNS, (i) =>
        db.query('SELECT * FROM invoices WHERE account_id = ? ORDER BY invoice_date DESC LIMIT 25', [accountAt(i)]),
      ),
      await measure('GET /api/invoices?filter={accountId}', RUNS, (i) =>
        get(`/api/invoices?filter=${filter({ accountId: accountAt(i) })}`),
      ),
      await measure('ledger, raw SQL baseline (one account, date order)', RUNS, (i) =>
        db.query('SELECT * FROM transactions WHERE account_id = ? ORDER BY transaction_date DESC, id DESC LIMIT 25', [accountAt(i)]),
      ),
      await measure('GET /api/transactions?filter={accountId} (with running balance and taxes)', RUNS, (i) =>
        get(`/api/transactions?filter=${filter({ accountId: accountAt(i) })}`),
      ),
      await measure('payment, raw SQL baseline (lock the account, insert one row)', RUNS, (i) =>
        transactionWithRetry(db, async (em) => {
          await em.query('SELECT id FROM accounts WHERE id = ? FOR UPDATE', [accountAt(i)]);
          await em.query(
            "INSERT INTO transactions (account_id, kind, side, amount, transaction_date, description, payment_method) VALUES (?, 'payment', 'credit', 1, CURDATE(), 'bench', 'cash')",
            [accountAt(i)],
          );
        }),
      ),
      await measure('POST /api/payments (lock the family, insert, apply to open invoices, audit)', RUNS, (i) =>
        request(app.getHttpServer())
          .post('/api/payments')
          .auth(token, { type: 'bearer' })
          .send({ accountId: accountAt(i), method: 'cash', amount: 1 })
          .expect(201),
      ),
    ];
    report(`billing among ${ACCOUNTS} accounts (${BILLED} billed, ${invoices} invoices)`, results);

    started = Date.now();
    const books = await app.get(InvariantCheckerService).check(app.get(LedgerService).today());
    process.stdout.write(
      `\nbooks check over every account: ${books.mismatches.length} mismatches across ${books.accounts} accounts, ` +
        `${books.invoices} invoices and ${books.transactions} transactions in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    await app.close();
  }
}
