import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Autopay runs, one per date, and the charge each made per account. An attempt is
 * unique per account and date and is written before the processor is asked, so a
 * retried or restarted run finds it and can never charge the account twice that day.
 */
export class Autopay1795731500000 implements MigrationInterface {
  name = 'Autopay1795731500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE autopay_runs (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      run_date DATE NOT NULL,
      workflow_id VARCHAR(200) NOT NULL,
      status ENUM('running','completed','failed') NOT NULL DEFAULT 'running',
      started_by INT UNSIGNED NULL,
      started_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      finished_at DATETIME(3) NULL,
      UNIQUE KEY uq_autopay_runs_date (run_date),
      UNIQUE KEY uq_autopay_runs_workflow (workflow_id)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE autopay_attempts (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      autopay_run_id INT UNSIGNED NOT NULL,
      account_id INT UNSIGNED NOT NULL,
      run_date DATE NOT NULL,
      payment_method_id INT UNSIGNED NOT NULL,
      method ENUM('card','bank') NOT NULL,
      amount BIGINT UNSIGNED NOT NULL,
      attempt TINYINT UNSIGNED NOT NULL DEFAULT 1,
      first_attempt_date DATE NOT NULL,
      status ENUM('charging','succeeded','processing','failed') NOT NULL DEFAULT 'charging',
      reason VARCHAR(500) NULL,
      processor_payment_id INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      finished_at DATETIME(3) NULL,
      UNIQUE KEY uq_autopay_attempts_account_date (account_id, run_date),
      KEY ix_autopay_attempts_run (autopay_run_id, account_id),
      CONSTRAINT fk_autopay_attempts_run FOREIGN KEY (autopay_run_id) REFERENCES autopay_runs (id),
      CONSTRAINT fk_autopay_attempts_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_autopay_attempts_method FOREIGN KEY (payment_method_id) REFERENCES payment_methods (id),
      CONSTRAINT fk_autopay_attempts_payment FOREIGN KEY (processor_payment_id) REFERENCES processor_payments (id),
      CONSTRAINT ck_autopay_attempts_amount CHECK (amount > 0)
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE autopay_attempts');
    await q.query('DROP TABLE autopay_runs');
  }
}
