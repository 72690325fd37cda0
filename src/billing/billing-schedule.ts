import { addDays, addMonths } from './billing-calendar';

export interface BillingPosition {
  /** The day of the month the account's periods start, as billing-config's effective settings give it. */
  anchorDay: number;
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
  const dayAfterBilled = position.billedFor === null ? null : addDays(position.billedFor, 1);
  const from = dayAfterBilled !== null && dayAfterBilled > position.today ? dayAfterBilled : position.today;
  const inMonth = `${from.slice(0, 8)}${String(position.anchorDay).padStart(2, '0')}`;
  return inMonth >= from ? inMonth : addMonths(inMonth, 1);
}
