import { FamilyLockService } from '../../src/billing/family-lock.service';
import { InvariantCheckerService } from '../../src/billing/invariant-checker.service';
import { transactionWithRetry } from '../../src/database/transaction';
import type { TestApp } from './test-app';

/**
 * Where a test file's money lives, so the books can be checked after each of its
 * tests whatever the test itself remembered to check. Every test app registers
 * here while it is open; the mark of a database is the highest ledger ids and the
 * server's time when a test began (or when an app on it opened during the test).
 */
interface Mark {
  transactionId: number;
  invoiceId: number;
  applicationId: number;
  at: string;
}

const open = new Set<TestApp>();
const marks = new Map<string, Mark>();
const leftCorrupt = new Map<string, Set<number>>();
let testRunning = false;

const databaseOf = (sut: TestApp): string => new URL(sut.config.DATABASE_URL).pathname.replace(/^\//, '');

async function markOf(sut: TestApp): Promise<Mark> {
  const [row]: Record<string, string>[] = await sut.db.query(
    `SELECT (SELECT COALESCE(MAX(id), 0) FROM transactions) AS t, (SELECT COALESCE(MAX(id), 0) FROM invoices) AS i,
            (SELECT COALESCE(MAX(id), 0) FROM credit_applications) AS a, DATE_FORMAT(NOW(3), '%Y-%m-%d %H:%i:%s.%f') AS at`,
  );
  return { transactionId: Number(row.t), invoiceId: Number(row.i), applicationId: Number(row.a), at: row.at };
}

async function markUnmarked(sut: TestApp): Promise<void> {
  const database = databaseOf(sut);
  if (!marks.has(database)) marks.set(database, await markOf(sut));
}

/** Called by the test app once it is up: from here on, money it moves during a test is checked after that test. */
export async function watchApp(sut: TestApp): Promise<void> {
  open.add(sut);
  if (testRunning) await markUnmarked(sut);
}

export function unwatchApp(sut: TestApp): void {
  open.delete(sut);
}

/**
 * For tests that break the books on purpose (to prove the checker notices): these
 * accounts are left out of the check after the current test.
 */
export function leaveBooksCorrupt(sut: TestApp, accountIds: number[]): void {
  const database = databaseOf(sut);
  leftCorrupt.set(database, new Set([...(leftCorrupt.get(database) ?? []), ...accountIds]));
}

/** Accounts whose ledger rows were written or changed since the mark: new transactions, invoices and applications, and changed invoices and applications. */
async function touchedSince(sut: TestApp, mark: Mark): Promise<number[]> {
  const rows: { account_id: number }[] = await sut.db.query(
    `SELECT account_id FROM transactions WHERE id > ?
     UNION SELECT account_id FROM invoices WHERE id > ? OR updated_at >= ?
     UNION SELECT i.account_id FROM credit_applications a JOIN invoices i ON i.id = a.invoice_id WHERE a.id > ? OR a.removed_at >= ?
     UNION SELECT t.account_id FROM credit_applications a JOIN transactions t ON t.id = a.credit_transaction_id
            WHERE a.id > ? OR a.removed_at >= ?`,
    [mark.transactionId, mark.invoiceId, mark.at, mark.applicationId, mark.at, mark.applicationId, mark.at],
  );
  return rows.map((r) => Number(r.account_id));
}

/**
 * Checks the books of every account whose ledger moved during the test. The
 * families are locked while the checker reads, so money moved at that moment by
 * another test file on the shared database cannot be half-seen.
 */
export async function checkBooksTouchedByThisTest(): Promise<void> {
  const problems: string[] = [];
  const checked = new Set<string>();
  for (const sut of open) {
    const database = databaseOf(sut);
    const mark = marks.get(database);
    if (!mark || checked.has(database)) continue;
    checked.add(database);
    const skip = leftCorrupt.get(database) ?? new Set<number>();
    const touched = (await touchedSince(sut, mark)).filter((id) => !skip.has(id));
    if (!touched.length) continue;
    const report = await transactionWithRetry(sut.db, async (em) => {
      await sut.app.get(FamilyLockService).lockMany(em, touched);
      return sut.app.get(InvariantCheckerService).check('2099-12-31', touched);
    });
    if (report.accounts < touched.length) {
      problems.push(`${database}: ${touched.length} accounts moved money but the checker looked at ${report.accounts}`);
    }
    if (report.mismatches.length) {
      problems.push(`${database}: the books do not balance: ${JSON.stringify(report.mismatches, null, 2)}`);
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
}

/** The folders whose tests move money; every test in them has its books checked afterwards. */
export const MONEY_LANES = [
  'accounts',
  'admin',
  'autopay',
  'bill-runs',
  'billing',
  'billing-config',
  'call-logs',
  'catalog',
  'correspondence-templates',
  'delinquency',
  'disconnection',
  'documents',
  'email',
  'payments',
  'scheduled-events',
  'taxes',
  'voice',
  'webhooks',
];

export function isMoneyLane(testPath: string): boolean {
  const match = /[\\/]test[\\/]([^\\/]+)[\\/]/.exec(testPath);
  return match !== null && MONEY_LANES.includes(match[1]);
}

/** A test that billed ten thousand accounts has as many to check; on a loaded machine that takes minutes, not seconds. */
const BOOKS_CHECK_TIMEOUT_MS = 5 * 60_000;

/** Registers the before and after hooks for every test of the current file. */
export function checkBooksAfterEachTest(): void {
  beforeEach(async () => {
    testRunning = true;
    marks.clear();
    leftCorrupt.clear();
    for (const sut of open) await markUnmarked(sut);
  });
  afterEach(async () => {
    testRunning = false;
    try {
      await checkBooksTouchedByThisTest();
    } finally {
      marks.clear();
      leftCorrupt.clear();
    }
  }, BOOKS_CHECK_TIMEOUT_MS);
}
