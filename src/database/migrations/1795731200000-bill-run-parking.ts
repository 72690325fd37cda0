import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Accounts a bill run parked instead of invoicing, because the invoice it computed
 * broke a safety bound, and what a person later decided about each; and what a
 * run planned, so its progress can be shown as a share of the whole.
 */
export class BillRunParking1795731200000 implements MigrationInterface {
  name = 'BillRunParking1795731200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE bill_run_parked (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      bill_run_id INT UNSIGNED NOT NULL,
      account_id INT UNSIGNED NOT NULL,
      rule ENUM('unexplained_charges','negative_total','spike') NOT NULL,
      reason VARCHAR(500) NOT NULL,
      total BIGINT NOT NULL,
      usual_total BIGINT NULL,
      status ENUM('parked','released','dismissed') NOT NULL DEFAULT 'parked',
      invoice_id INT UNSIGNED NULL,
      resolved_by INT UNSIGNED NULL,
      resolved_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_bill_run_parked_account (bill_run_id, account_id),
      KEY ix_bill_run_parked_status (status, bill_run_id),
      CONSTRAINT fk_bill_run_parked_run FOREIGN KEY (bill_run_id) REFERENCES bill_runs (id),
      CONSTRAINT fk_bill_run_parked_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_bill_run_parked_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id)
    ) ${TABLE_OPTIONS}`);
    await q.query('ALTER TABLE bill_run_batches ADD COLUMN parked INT UNSIGNED NOT NULL DEFAULT 0 AFTER failures');
    await q.query(
      'ALTER TABLE bill_runs ADD COLUMN spike_percent INT UNSIGNED NULL AFTER started_by, ADD COLUMN planned_accounts INT UNSIGNED NULL AFTER spike_percent',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE bill_runs DROP COLUMN planned_accounts, DROP COLUMN spike_percent');
    await q.query('ALTER TABLE bill_run_batches DROP COLUMN parked');
    await q.query('DROP TABLE bill_run_parked');
  }
}
