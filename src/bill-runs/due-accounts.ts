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

export interface BillRunSlice {
  afterAccountId: number;
  upToAccountId: number;
}

/** Cuts the due accounts into id ranges of at most `size` accounts each, in order. */
export function slicesOf(ids: number[], size: number): BillRunSlice[] {
  const slices: BillRunSlice[] = [];
  let after = 0;
  for (let i = size - 1; i < ids.length + size - 1; i += size) {
    const upTo = ids[Math.min(i, ids.length - 1)];
    slices.push({ afterAccountId: after, upToAccountId: upTo });
    after = upTo;
  }
  return slices;
}
