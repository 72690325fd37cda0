import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Reversing a card or bank payment, and the refund asked of the processor with it:
 * one refund per payment (the whole amount), keyed so a repeated request makes one.
 */
export class PaymentRefunds1795731600000 implements MigrationInterface {
  name = 'PaymentRefunds1795731600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      "ALTER TABLE processor_payments MODIFY status ENUM('pending','succeeded','failed','refunded','reversed') NOT NULL DEFAULT 'pending'",
    );
    // A reversed payment keeps its ledger payment (the void row undoes it beside it).
    await q.query(`ALTER TABLE processor_payments DROP CONSTRAINT ck_processor_payments_recorded,
      ADD CONSTRAINT ck_processor_payments_recorded CHECK ((status IN ('succeeded','refunded','reversed')) = (transaction_id IS NOT NULL))`);
    await q.query('ALTER TABLE processor_payments ADD COLUMN reversal_transaction_id BIGINT UNSIGNED NULL AFTER transaction_id');
    await q.query(`CREATE TABLE processor_refunds (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      payment_id INT UNSIGNED NOT NULL,
      account_id INT UNSIGNED NOT NULL,
      amount INT UNSIGNED NOT NULL,
      status ENUM('requested','pending','succeeded','failed','canceled') NOT NULL DEFAULT 'requested',
      stripe_refund_id VARCHAR(255) NULL,
      failure_reason VARCHAR(500) NULL,
      reason VARCHAR(500) NULL,
      created_by INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_processor_refunds_payment (payment_id),
      UNIQUE KEY uq_processor_refunds_stripe (stripe_refund_id),
      KEY ix_processor_refunds_account (account_id),
      CONSTRAINT fk_processor_refunds_payment FOREIGN KEY (payment_id) REFERENCES processor_payments (id),
      CONSTRAINT fk_processor_refunds_account FOREIGN KEY (account_id) REFERENCES accounts (id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE processor_refunds');
    await q.query('ALTER TABLE processor_payments DROP COLUMN reversal_transaction_id');
    await q.query(`ALTER TABLE processor_payments DROP CONSTRAINT ck_processor_payments_recorded,
      ADD CONSTRAINT ck_processor_payments_recorded CHECK ((status IN ('succeeded','refunded')) = (transaction_id IS NOT NULL))`);
    await q.query(
      "ALTER TABLE processor_payments MODIFY status ENUM('pending','succeeded','failed','refunded') NOT NULL DEFAULT 'pending'",
    );
  }
}
