import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Disputes customers open at their bank against our card and bank payments, one row per Stripe dispute. */
export class PaymentDisputes1795731700000 implements MigrationInterface {
  name = 'PaymentDisputes1795731700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE processor_disputes (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      stripe_dispute_id VARCHAR(255) NOT NULL,
      payment_id INT UNSIGNED NOT NULL,
      account_id INT UNSIGNED NOT NULL,
      amount INT UNSIGNED NOT NULL,
      reason VARCHAR(100) NOT NULL,
      status VARCHAR(40) NOT NULL,
      payment_reversed TINYINT(1) NOT NULL DEFAULT 0,
      note VARCHAR(500) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_processor_disputes_stripe (stripe_dispute_id),
      KEY ix_processor_disputes_account (account_id),
      CONSTRAINT fk_processor_disputes_payment FOREIGN KEY (payment_id) REFERENCES processor_payments (id),
      CONSTRAINT fk_processor_disputes_account FOREIGN KEY (account_id) REFERENCES accounts (id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE processor_disputes');
  }
}
