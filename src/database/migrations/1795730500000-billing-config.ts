import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const TIMESTAMPS = `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

/** Columns the system row must fill; the rest may stay empty there to mean "none". */
const REQUIRED_ON_SYSTEM = [
  'billing_mode',
  'bill_day',
  'invoice_day',
  'bill_timing',
  'autopay_days',
  'due_days',
  'grace_days',
  'status_switch_days',
  'days_counted_from',
  'late_fee_kind',
  'late_fee_amount',
  'late_fee_rate_e4',
  'late_fee_minimum_overdue',
  'delinquency_weekdays',
  'prorate_services',
  'prorate_service_quantity',
  'prorate_status_change',
  'prorate_bill_day_change',
  'proration_rounding',
  'bill_mode',
  'printed_invoice',
  'tax_exempt',
];

const dayCount = (column: string) => `CONSTRAINT ck_billing_settings_${column} CHECK (${column} IS NULL OR ${column} <= 120)`;

/**
 * Billing settings at three levels (the system, account types, accounts), the days
 * delinquency is never applied, and the accounting close date.
 */
export class BillingConfig1795730500000 implements MigrationInterface {
  name = 'BillingConfig1795730500000';

  async up(q: QueryRunner): Promise<void> {
    // One row per scope; NULL in an account type or account row means "inherit". The generated
    // owner columns give the polymorphic scope_id real foreign keys, so an account type or
    // account takes its settings with it when it goes. delinquency_weekdays is a bitmask,
    // bit 0 Monday to bit 6 Sunday.
    await q.query(`CREATE TABLE billing_settings (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      scope ENUM('system','account_type','account') NOT NULL,
      scope_id INT UNSIGNED NOT NULL,
      account_type_id INT UNSIGNED AS (IF(scope = 'account_type', scope_id, NULL)) STORED,
      account_id INT UNSIGNED AS (IF(scope = 'account', scope_id, NULL)) STORED,
      billing_mode ENUM('fixed','anniversary') NULL,
      bill_day TINYINT UNSIGNED NULL,
      invoice_day TINYINT UNSIGNED NULL,
      bill_timing ENUM('advance','arrears') NULL,
      autopay_days SMALLINT UNSIGNED NULL,
      due_days SMALLINT UNSIGNED NULL,
      grace_days SMALLINT UNSIGNED NULL,
      status_switch_days SMALLINT UNSIGNED NULL,
      days_counted_from ENUM('bill','invoice') NULL,
      late_fee_service_id INT UNSIGNED NULL,
      late_fee_kind ENUM('fixed','percent') NULL,
      late_fee_amount INT UNSIGNED NULL,
      late_fee_rate_e4 INT UNSIGNED NULL,
      late_fee_minimum_overdue INT UNSIGNED NULL,
      delinquent_status_id INT UNSIGNED NULL,
      delinquency_weekdays TINYINT UNSIGNED NULL,
      prorate_services TINYINT(1) NULL,
      prorate_service_quantity TINYINT(1) NULL,
      prorate_status_change TINYINT(1) NULL,
      prorate_bill_day_change TINYINT(1) NULL,
      proration_rounding ENUM('cent','unit') NULL,
      bill_mode ENUM('invoice','statement') NULL,
      printed_invoice TINYINT(1) NULL,
      tax_exempt TINYINT(1) NULL,
      invoice_message VARCHAR(1000) NULL,
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      UNIQUE KEY uq_billing_settings_scope (scope, scope_id),
      KEY ix_billing_settings_account_type (account_type_id),
      KEY ix_billing_settings_account (account_id),
      KEY ix_billing_settings_late_fee_service (late_fee_service_id),
      KEY ix_billing_settings_delinquent_status (delinquent_status_id),
      CONSTRAINT fk_billing_settings_account_type FOREIGN KEY (account_type_id) REFERENCES account_types (id) ON DELETE CASCADE,
      CONSTRAINT fk_billing_settings_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
      CONSTRAINT fk_billing_settings_late_fee_service FOREIGN KEY (late_fee_service_id) REFERENCES services (id),
      CONSTRAINT fk_billing_settings_delinquent_status FOREIGN KEY (delinquent_status_id) REFERENCES account_statuses (id),
      CONSTRAINT ck_billing_settings_scope CHECK ((scope = 'system') = (scope_id = 0)),
      CONSTRAINT ck_billing_settings_system_filled CHECK (scope <> 'system' OR (${REQUIRED_ON_SYSTEM.map((c) => `${c} IS NOT NULL`).join(' AND ')})),
      CONSTRAINT ck_billing_settings_bill_day CHECK (bill_day IS NULL OR bill_day BETWEEN 1 AND 28),
      CONSTRAINT ck_billing_settings_invoice_day CHECK (invoice_day IS NULL OR invoice_day BETWEEN 1 AND 28),
      ${['autopay_days', 'due_days', 'grace_days', 'status_switch_days'].map(dayCount).join(',\n      ')},
      CONSTRAINT ck_billing_settings_late_fee_rate CHECK (late_fee_rate_e4 IS NULL OR late_fee_rate_e4 <= 1000000),
      CONSTRAINT ck_billing_settings_weekdays CHECK (delinquency_weekdays IS NULL OR delinquency_weekdays BETWEEN 1 AND 127)
    ) ${TABLE_OPTIONS}`);

    await q.query(`INSERT INTO billing_settings (
      scope, scope_id, billing_mode, bill_day, invoice_day, bill_timing, autopay_days, due_days, grace_days, status_switch_days,
      days_counted_from, late_fee_service_id, late_fee_kind, late_fee_amount, late_fee_rate_e4, late_fee_minimum_overdue,
      delinquent_status_id, delinquency_weekdays, prorate_services, prorate_service_quantity, prorate_status_change,
      prorate_bill_day_change, proration_rounding, bill_mode, printed_invoice, tax_exempt, invoice_message
    ) VALUES (
      'system', 0, 'fixed', 1, 1, 'advance', 0, 14, 7, 30,
      'invoice', NULL, 'fixed', 0, 0, 0,
      NULL, 31, 1, 1, 1,
      1, 'cent', 'invoice', 0, 0, NULL
    )`);

    await q.query(`CREATE TABLE delinquency_exclusion_dates (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      date DATE NOT NULL,
      reason VARCHAR(200) NULL,
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      UNIQUE KEY uq_delinquency_exclusion_dates_date (date)
    ) ${TABLE_OPTIONS}`);

    // A single row: the books close for everyone at once.
    await q.query(`CREATE TABLE accounting_period (
      id TINYINT UNSIGNED NOT NULL,
      close_date DATE NULL,
      auto_close TINYINT(1) NOT NULL DEFAULT 0,
      auto_close_after_days SMALLINT UNSIGNED NOT NULL DEFAULT 10,
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      CONSTRAINT ck_accounting_period_single CHECK (id = 1),
      CONSTRAINT ck_accounting_period_after_days CHECK (auto_close_after_days <= 365)
    ) ${TABLE_OPTIONS}`);
    await q.query('INSERT INTO accounting_period (id, close_date, auto_close, auto_close_after_days) VALUES (1, NULL, 0, 10)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['accounting_period', 'delinquency_exclusion_dates', 'billing_settings']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
