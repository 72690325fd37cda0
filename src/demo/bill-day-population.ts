import type { DataSource } from 'typeorm';
import { BillingPopulation, BillingPopulationOptions, populateBillableAccounts } from './billing-population';

const ROWS_PER_INSERT = 2_000;
/** Stripe's test bank account that stays `processing` until it settles, then succeeds. */
export const BILL_DAY_BANK_TOKEN = 'pm_usBankAccount_success';

export interface BillDayPopulation extends BillingPopulation {
  accounts: number;
  /** Accounts with no parent: each gets its invoice emailed and is charged by autopay. */
  topLevel: number;
  categoryId: number;
}

/**
 * The bill run's population (populateBillableAccounts), and for every top-level account a
 * primary contact with an email address in the category the invoice template mails to, a
 * Stripe customer and a US bank account saved for autopay. Invoices are emailed and autopay
 * charges on the invoice date, set once at system scope. All written with multi-row INSERTs,
 * for the bill-day benchmark and the bill-day test.
 */
export async function populateBillDayAccounts(db: DataSource, opts: BillingPopulationOptions): Promise<BillDayPopulation> {
  const population = await populateBillableAccounts(db, opts);
  await db.query("UPDATE billing_settings SET email_invoices = 1, autopay_days = 0, bill_mode = 'invoice' WHERE scope = 'system'");
  const [template]: { categoryId: number }[] = await db.query(
    "SELECT category_id AS categoryId FROM message_templates WHERE template_key = 'invoice'",
  );
  if (!template) throw new Error('The invoice message template is missing; the migrations make it');
  const categoryId = Number(template.categoryId);
  const { firstAccountId, lastAccountId } = population;
  for (let from = firstAccountId; from <= lastAccountId; from += ROWS_PER_INSERT) {
    const to = Math.min(lastAccountId, from + ROWS_PER_INSERT - 1);
    const topLevel = 'FROM accounts a WHERE a.id BETWEEN ? AND ? AND a.parent_account_id IS NULL ORDER BY a.id';
    await db.query(
      `INSERT INTO contacts (account_id, name, email, is_primary)
       SELECT a.id, CONCAT('Billing contact ', a.id), CONCAT('billing', a.id, '@subscribers.example.com'), 1 ${topLevel}`,
      [from, to],
    );
    await db.query(
      `INSERT INTO contact_message_categories (contact_id, message_category_id)
       SELECT c.id, ? FROM contacts c JOIN accounts a ON a.id = c.account_id
        WHERE a.id BETWEEN ? AND ? AND a.parent_account_id IS NULL`,
      [categoryId, from, to],
    );
    await db.query(`INSERT INTO stripe_customers (account_id, stripe_customer_id) SELECT a.id, CONCAT('cus_billday_', a.id) ${topLevel}`, [
      from,
      to,
    ]);
    // The test token itself is the method's Stripe id: the local test mode charges it as Stripe's test bank account.
    await db.query(
      `INSERT INTO payment_methods (account_id, stripe_payment_method_id, type, last4, holder_name, bank_account_type, autopay)
       SELECT a.id, ?, 'bank', '6789', a.name, 'checking', 1 ${topLevel}`,
      [BILL_DAY_BANK_TOKEN, from, to],
    );
  }
  const [{ n }]: { n: number }[] = await db.query(
    'SELECT COUNT(*) AS n FROM accounts WHERE id BETWEEN ? AND ? AND parent_account_id IS NULL',
    [firstAccountId, lastAccountId],
  );
  await db.query('ANALYZE TABLE contacts, contact_message_categories, stripe_customers, payment_methods');
  return { ...population, accounts: opts.accounts, topLevel: Number(n), categoryId };
}
