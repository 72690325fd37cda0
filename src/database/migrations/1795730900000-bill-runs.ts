import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Bill runs and what each batch of one did. Batch rows are keyed by their
 * cursor, so a batch retried after a crash overwrites its own row and the run's
 * totals (sums over batches) never count an account twice.
 */
export class BillRuns1795730900000 implements MigrationInterface {
  name = 'BillRuns1795730900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE bill_runs (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      run_date DATE NOT NULL,
      workflow_id VARCHAR(120) NOT NULL,
      status ENUM('running','completed','failed') NOT NULL DEFAULT 'running',
      started_by INT UNSIGNED NULL,
      started_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      finished_at DATETIME(3) NULL,
      UNIQUE KEY uq_bill_runs_workflow (workflow_id),
      KEY ix_bill_runs_date (run_date)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE bill_run_batches (
      bill_run_id INT UNSIGNED NOT NULL,
      after_account_id INT UNSIGNED NOT NULL,
      last_account_id INT UNSIGNED NOT NULL,
      accounts INT UNSIGNED NOT NULL,
      invoices INT UNSIGNED NOT NULL,
      invoiced_total BIGINT UNSIGNED NOT NULL,
      failures INT UNSIGNED NOT NULL,
      finished_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (bill_run_id, after_account_id),
      CONSTRAINT fk_bill_run_batches_run FOREIGN KEY (bill_run_id) REFERENCES bill_runs (id)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE bill_run_failures (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      bill_run_id INT UNSIGNED NOT NULL,
      account_id INT UNSIGNED NOT NULL,
      reason VARCHAR(500) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_bill_run_failures_account (bill_run_id, account_id),
      CONSTRAINT fk_bill_run_failures_run FOREIGN KEY (bill_run_id) REFERENCES bill_runs (id),
      CONSTRAINT fk_bill_run_failures_account FOREIGN KEY (account_id) REFERENCES accounts (id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['bill_run_failures', 'bill_run_batches', 'bill_runs']) await q.query(`DROP TABLE ${table}`);
  }
}
