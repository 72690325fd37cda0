import type { EntityManager } from 'typeorm';
import { joinEffectiveSettings } from '../billing-config/effective-settings';
import { accountDueCondition } from '../billing/due-on-date';

/**
 * Accounts due on a date (billing's one definition: their service period starts
 * that day and they have something to bill), in id order, after a cursor and up to
 * an optional bound, so a run can walk or slice them.
 */
export async function dueAccounts(
  em: EntityManager,
  date: string,
  range: { afterAccountId: number; upToAccountId?: number | null; limit?: number | null },
): Promise<number[]> {
  const params: unknown[] = [date, range.afterAccountId];
  let upper = '';
  if (range.upToAccountId !== undefined && range.upToAccountId !== null) {
    upper = 'AND a.id <= ?';
    params.push(range.upToAccountId);
  }
  let limit = '';
  if (range.limit) {
    limit = 'LIMIT ?';
    params.push(range.limit);
  }
  const rows: { id: number }[] = await em.query(
    `SELECT a.id FROM (SELECT CAST(? AS DATE) AS d) run
       JOIN accounts a ${joinEffectiveSettings('a', 'e')}
      WHERE a.id > ? ${upper} AND ${accountDueCondition('a', 'e', 'run.d')}
      ORDER BY a.id ${limit}`,
    params,
  );
  return rows.map((r) => Number(r.id));
}

/** How many accounts are due on the date, counted by the database. */
export async function countDueAccounts(em: EntityManager, date: string): Promise<number> {
  const [row]: { n: string }[] = await em.query(
    `SELECT COUNT(*) AS n FROM (SELECT CAST(? AS DATE) AS d) run
       JOIN accounts a ${joinEffectiveSettings('a', 'e')}
      WHERE ${accountDueCondition('a', 'e', 'run.d')}`,
    [date],
  );
  return Number(row.n);
}

export interface BillRunSlice {
  afterAccountId: number;
  upToAccountId: number;
}

/**
 * Cuts the accounts due on the date into id ranges of at most `size` accounts
 * each, in order. The database numbers the due accounts and returns only the
 * last id of each range, so planning a run reads a row per batch, not per
 * account, however large the run.
 */
export async function dueSlices(em: EntityManager, date: string, size: number): Promise<{ slices: BillRunSlice[]; accounts: number }> {
  const rows: { id: number; total: number }[] = await em.query(
    `SELECT due.id, due.total FROM (
        SELECT a.id, ROW_NUMBER() OVER (ORDER BY a.id) AS n, COUNT(*) OVER () AS total
          FROM (SELECT CAST(? AS DATE) AS d) run
          JOIN accounts a ${joinEffectiveSettings('a', 'e')}
         WHERE ${accountDueCondition('a', 'e', 'run.d')}
      ) due
      WHERE due.n % ? = 0 OR due.n = due.total
      ORDER BY due.id`,
    [date, size],
  );
  const slices: BillRunSlice[] = [];
  let after = 0;
  for (const row of rows) {
    const upTo = Number(row.id);
    slices.push({ afterAccountId: after, upToAccountId: upTo });
    after = upTo;
  }
  return { slices, accounts: rows.length ? Number(rows[0].total) : 0 };
}
