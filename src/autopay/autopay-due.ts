import type { EntityManager } from 'typeorm';
import { joinEffectiveSettings } from '../billing-config/effective-settings';
import { collectableInvoice } from '../billing/invoice-conditions';
import type { PreviousAttempt } from './autopay-policy';

/**
 * An invoice the account pays itself that autopay may collect on `?`: open, not
 * frozen, not void, and at least the effective `autopayDays` old (the settings
 * joined as `e`). Parameter: the date.
 */
const AUTOPAY_DUE_INVOICE = `SELECT 1 FROM invoices i
  WHERE i.account_id = a.id AND i.parent_invoice_id IS NULL AND ${collectableInvoice('i')}
    AND DATE_ADD(i.invoice_date, INTERVAL e.autopay_days DAY) <= ?`;

const SETTINGS_JOINS = joinEffectiveSettings('a', 'e');

/**
 * Accounts the autopay run of a date looks at, in id order after a cursor: those
 * with an autopay method and an invoice due for autopay, plus those whose charge of
 * that date was begun and not recorded (a worker died mid-charge), to finish it.
 */
export async function autopayCandidates(em: EntityManager, date: string, afterAccountId: number, limit: number): Promise<number[]> {
  const rows: { id: number }[] = await em.query(
    `SELECT a.id FROM accounts a
       LEFT JOIN payment_methods pm ON pm.autopay_account_id = a.id
       ${SETTINGS_JOINS}
      WHERE a.id > ?
        AND ((pm.id IS NOT NULL AND EXISTS (${AUTOPAY_DUE_INVOICE}))
             OR EXISTS (SELECT 1 FROM autopay_attempts x WHERE x.account_id = a.id AND x.run_date = ? AND x.status = 'charging'))
      ORDER BY a.id LIMIT ?`,
    [afterAccountId, date, date, limit],
  );
  return rows.map((r) => Number(r.id));
}

/** Whether an invoice of the account came due for autopay after `since` and by `date`. */
export async function newerInvoiceDue(em: EntityManager, accountId: number, since: string, date: string): Promise<boolean> {
  const [row]: unknown[] = await em.query(
    `SELECT 1 FROM accounts a ${SETTINGS_JOINS}
      WHERE a.id = ? AND EXISTS (${AUTOPAY_DUE_INVOICE}
        AND DATE_ADD(i.invoice_date, INTERVAL e.autopay_days DAY) > ?)`,
    [accountId, date, since],
  );
  return row !== undefined;
}

/**
 * Each account's latest attempt before the date; accounts without one are absent. A bank
 * debit recorded as processing takes the state the processor's webhook has since given
 * its payment.
 */
export async function previousAttempts(em: EntityManager, accountIds: number[], date: string): Promise<Map<number, PreviousAttempt>> {
  const attempts = new Map<number, PreviousAttempt>();
  if (!accountIds.length) return attempts;
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT x.account_id, DATE_FORMAT(x.run_date, '%Y-%m-%d') AS run_date, x.attempt,
            DATE_FORMAT(x.first_attempt_date, '%Y-%m-%d') AS first_attempt_date, x.status, p.status AS payment_status
       FROM autopay_attempts x LEFT JOIN processor_payments p ON p.id = x.processor_payment_id
      WHERE x.account_id IN (?) AND x.run_date < ?
        AND x.run_date = (SELECT MAX(y.run_date) FROM autopay_attempts y WHERE y.account_id = x.account_id AND y.run_date < ?)`,
    [accountIds, date, date],
  );
  for (const row of rows) {
    let status = row.status as PreviousAttempt['status'];
    if (status === 'processing' && row.payment_status !== 'pending') status = row.payment_status === 'failed' ? 'failed' : 'succeeded';
    attempts.set(Number(row.account_id), {
      runDate: row.run_date as string,
      attempt: Number(row.attempt),
      firstAttemptDate: row.first_attempt_date as string,
      status,
    });
  }
  return attempts;
}
