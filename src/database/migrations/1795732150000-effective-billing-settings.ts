import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every billing setting column, as the billing_settings table names it. Frozen with this migration. */
const SETTING_COLUMNS = [
  'billing_mode',
  'bill_day',
  'invoice_day',
  'bill_timing',
  'autopay_days',
  'due_days',
  'grace_days',
  'status_switch_days',
  'days_counted_from',
  'late_fee_service_id',
  'late_fee_kind',
  'late_fee_amount',
  'late_fee_rate_e4',
  'late_fee_minimum_overdue',
  'delinquent_status_id',
  'delinquency_weekdays',
  'restore_status_on_payment',
  'prorate_services',
  'prorate_service_quantity',
  'prorate_status_change',
  'prorate_bill_day_change',
  'proration_rounding',
  'bill_mode',
  'printed_invoice',
  'email_invoices',
  'tax_exempt',
];

const inherited = (column: string) => `COALESCE(sa.${column}, st.${column}, ss.${column})`;

/**
 * The settings in force for each account, inheritance resolved once in SQL: the
 * account's own value, else its type's, else the system's. An empty invoice message
 * set at any level is a deliberate "no message" and reads as NULL. anchor_day is the
 * day of the month the account's service periods start: the invoice day in fixed
 * mode, the activation day (from the 28th on, the 28th) in anniversary mode. Every
 * reader, SQL or TypeScript, goes through this view, so the rule has one home.
 */
export class EffectiveBillingSettings1795732150000 implements MigrationInterface {
  name = 'EffectiveBillingSettings1795732150000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIEW effective_billing_settings AS
      SELECT a.id AS account_id,
             ${SETTING_COLUMNS.map((c) => `${inherited(c)} AS ${c}`).join(',\n             ')},
             NULLIF(${inherited('invoice_message')}, '') AS invoice_message,
             CASE ${inherited('billing_mode')} WHEN 'fixed' THEN ${inherited('invoice_day')}
               ELSE LEAST(DAY(COALESCE(a.activated_at, a.created_at)), 28) END AS anchor_day
        FROM accounts a
        LEFT JOIN billing_settings sa ON sa.account_id = a.id
        LEFT JOIN billing_settings st ON st.account_type_id = a.account_type_id
        JOIN billing_settings ss ON ss.scope = 'system' AND ss.scope_id = 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW IF EXISTS effective_billing_settings');
  }
}
