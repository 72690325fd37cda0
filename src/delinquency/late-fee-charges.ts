/**
 * The one definition of "late fees charged", shared by the dashboard's figure and the
 * list behind it: each late_fees row `f` with the charge it posted `t`, counted on the
 * day the charge is dated. A fee reversed later stays charged on its day; the reversal
 * is a row of its own on another date.
 */
export const LATE_FEE_CHARGES = 'late_fees f JOIN transactions t ON t.id = f.transaction_id';

/** What a late fee charged, tax included, in minor units. */
export const LATE_FEE_AMOUNT = 't.amount + t.tax_amount';

/** Charged on or after `from` and on or before `to` (either end may be open), as conditions and their parameters. */
export function chargedBetween(range: { from?: string; to?: string }): { conditions: string[]; params: string[] } {
  const conditions: string[] = [];
  const params: string[] = [];
  if (range.from !== undefined) {
    conditions.push('t.transaction_date >= ?');
    params.push(range.from);
  }
  if (range.to !== undefined) {
    conditions.push('t.transaction_date <= ?');
    params.push(range.to);
  }
  return { conditions, params };
}
