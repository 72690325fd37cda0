import type { EntityManager } from 'typeorm';
import type { BillingSettings } from '../billing-config/billing-settings';
import { NotFoundException } from '../common/errors';
import { addDays, addMonths } from './billing-calendar';

/**
 * When an account is billed: its anchor day (the day of the month its service
 * periods start and the bill run invoices it) and, from that, its next billing date.
 */

/** The anchor day: the invoice day in fixed mode; in anniversary mode the activation day, the 28th for days after it. */
export function billingAnchorDay(settings: Pick<BillingSettings, 'billingMode' | 'invoiceDay'>, activatedOn: string): number {
  if (settings.billingMode === 'fixed') return settings.invoiceDay;
  return Math.min(Number(activatedOn.slice(8, 10)), 28);
}

export interface BillingPosition {
  settings: Pick<BillingSettings, 'billingMode' | 'invoiceDay'>;
  /** The day the account was activated, or created when it never was (YYYY-MM-DD). */
  activatedOn: string;
  /** The latest billing date the account has an invoice for; null when it was never billed. */
  billedFor: string | null;
  today: string;
}

/**
 * The next date a bill run invoices the account: the first anchor day that is
 * today or later and after the latest billing date it was already invoiced for.
 * An account billed ahead (an invoice dated next month) is next billed a period
 * after that, never today; one never billed is billed on its coming anchor day.
 */
export function nextBillingDate(position: BillingPosition): string {
  const anchor = billingAnchorDay(position.settings, position.activatedOn);
  const dayAfterBilled = position.billedFor === null ? null : addDays(position.billedFor, 1);
  const from = dayAfterBilled !== null && dayAfterBilled > position.today ? dayAfterBilled : position.today;
  const inMonth = `${from.slice(0, 8)}${String(anchor).padStart(2, '0')}`;
  return inMonth >= from ? inMonth : addMonths(inMonth, 1);
}

/** The day an account's anniversary billing counts from, as the bill run reads it. */
export async function activatedOn(em: EntityManager, accountId: number): Promise<string | null> {
  const [row]: { day: string }[] = await em.query(
    "SELECT DATE_FORMAT(COALESCE(activated_at, created_at), '%Y-%m-%d') AS day FROM accounts WHERE id = ?",
    [accountId],
  );
  return row ? row.day : null;
}

/** The day of the month an account's service periods start. */
export async function anchorDay(em: EntityManager, accountId: number, settings: BillingSettings): Promise<number> {
  if (settings.billingMode === 'fixed') return settings.invoiceDay;
  const since = await activatedOn(em, accountId);
  if (since === null) throw new NotFoundException('Account', accountId);
  return billingAnchorDay(settings, since);
}
