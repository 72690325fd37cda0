import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const TIMESTAMPS = `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

/**
 * Delinquency: the late fee charged for each overdue invoice (at most one), the status an
 * account had before delinquency switched it, the setting that gives that status back on
 * payment, and exclusion dates that come back every year.
 */
export class Delinquency1795730800000 implements MigrationInterface {
  name = 'Delinquency1795730800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE billing_settings ADD COLUMN restore_status_on_payment TINYINT(1) NULL AFTER delinquency_weekdays');
    await q.query("UPDATE billing_settings SET restore_status_on_payment = 1 WHERE scope = 'system'");
    await q.query(`ALTER TABLE billing_settings ADD CONSTRAINT ck_billing_settings_system_restore
      CHECK (scope <> 'system' OR restore_status_on_payment IS NOT NULL)`);

    await q.query('ALTER TABLE delinquency_exclusion_dates ADD COLUMN repeats_yearly TINYINT(1) NOT NULL DEFAULT 0 AFTER reason');

    // The unique invoice is what keeps a second run from charging a second fee.
    await q.query(`CREATE TABLE late_fees (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      invoice_id INT UNSIGNED NOT NULL,
      transaction_id BIGINT UNSIGNED NOT NULL,
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      UNIQUE KEY uq_late_fees_invoice (invoice_id),
      UNIQUE KEY uq_late_fees_transaction (transaction_id),
      CONSTRAINT fk_late_fees_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
      CONSTRAINT fk_late_fees_transaction FOREIGN KEY (transaction_id) REFERENCES transactions (id)
    ) ${TABLE_OPTIONS}`);

    // status_id is the status delinquency gave; the previous one comes back only while the account still has it.
    await q.query(`CREATE TABLE account_delinquency (
      account_id INT UNSIGNED NOT NULL,
      previous_status_id INT UNSIGNED NOT NULL,
      status_id INT UNSIGNED NOT NULL,
      switched_on DATE NOT NULL,
      ${TIMESTAMPS},
      PRIMARY KEY (account_id),
      KEY ix_account_delinquency_previous (previous_status_id),
      KEY ix_account_delinquency_status (status_id),
      CONSTRAINT fk_account_delinquency_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
      CONSTRAINT fk_account_delinquency_previous FOREIGN KEY (previous_status_id) REFERENCES account_statuses (id),
      CONSTRAINT fk_account_delinquency_status FOREIGN KEY (status_id) REFERENCES account_statuses (id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE account_delinquency');
    await q.query('DROP TABLE late_fees');
    await q.query('ALTER TABLE delinquency_exclusion_dates DROP COLUMN repeats_yearly');
    await q.query('ALTER TABLE billing_settings DROP CONSTRAINT ck_billing_settings_system_restore');
    await q.query('ALTER TABLE billing_settings DROP COLUMN restore_status_on_payment');
  }
}
