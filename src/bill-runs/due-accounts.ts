import type { EntityManager } from 'typeorm';

/**
 * Accounts whose service period starts on a date: the invoice day of their
 * effective settings (fixed mode) or their activation day (anniversary mode, from
 * the 28th on billed on the 28th), with something to bill. In id order, after a
 * cursor and up to an optional bound, so a run can walk or slice them.
 */
export async function dueAccounts(
  em: EntityManager,
  date: string,
  range: { afterAccountId: number; upToAccountId?: number | null; limit?: number | null },
): Promise<number[]> {
  const params: unknown[] = [range.afterAccountId];
  let upper = '';
  if (range.upToAccountId !== undefined && range.upToAccountId !== null) {
    upper = 'AND a.id <= ?';
    params.push(range.upToAccountId);
  }
  params.push(Number(date.slice(8, 10)), date, date);
  let limit = '';
  if (range.limit) {
    limit = 'LIMIT ?';
    params.push(range.limit);
  }
  const rows: { id: number }[] = await em.query(
    `SELECT a.id FROM accounts a
       LEFT JOIN billing_settings sa ON sa.account_id = a.id
       LEFT JOIN billing_settings st ON st.account_type_id = a.account_type_id
       JOIN billing_settings ss ON ss.scope = 'system' AND ss.scope_id = 0
      WHERE a.id > ? ${upper}
        AND (CASE COALESCE(sa.billing_mode, st.billing_mode, ss.billing_mode)
               WHEN 'fixed' THEN COALESCE(sa.invoice_day, st.invoice_day, ss.invoice_day)
               ELSE LEAST(DAY(COALESCE(a.activated_at, a.created_at)), 28) END) = ?
        AND (EXISTS (SELECT 1 FROM account_services s WHERE s.account_id = a.id AND s.added_on < ? AND (s.removed_on IS NULL OR s.removed_on > ?))
             OR EXISTS (SELECT 1 FROM transactions t WHERE t.account_id = a.id AND t.side = 'debit' AND t.kind IN ('debit','adjustment')
                          AND t.invoice_id IS NULL AND t.corrected_by_transaction_id IS NULL))
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
