import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const TIMESTAMPS = `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

/**
 * Card and bank payments through Stripe: the Stripe customer of each account, the
 * payment methods saved on it (only what a clerk needs to recognise them; the numbers
 * stay at Stripe), and every card or bank payment asked of the processor.
 */
export class Payments1795731300000 implements MigrationInterface {
  name = 'Payments1795731300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE stripe_customers (
      account_id INT UNSIGNED NOT NULL,
      stripe_customer_id VARCHAR(255) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (account_id),
      UNIQUE KEY uq_stripe_customers_stripe (stripe_customer_id),
      CONSTRAINT fk_stripe_customers_account FOREIGN KEY (account_id) REFERENCES accounts (id)
    ) ${TABLE_OPTIONS}`);

    // The generated columns carry the two uniqueness rules that only hold for methods still
    // attached: one row per Stripe method on an account, and at most one autopay method.
    await q.query(`CREATE TABLE payment_methods (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      account_id INT UNSIGNED NOT NULL,
      stripe_payment_method_id VARCHAR(255) NOT NULL,
      type ENUM('card','bank') NOT NULL,
      brand VARCHAR(60) NULL,
      last4 CHAR(4) NOT NULL,
      exp_month TINYINT UNSIGNED NULL,
      exp_year SMALLINT UNSIGNED NULL,
      holder_name VARCHAR(200) NULL,
      bank_account_type ENUM('checking','savings') NULL,
      autopay TINYINT(1) NOT NULL DEFAULT 0,
      created_by INT UNSIGNED NULL,
      ${TIMESTAMPS},
      detached_at DATETIME(3) NULL,
      attached_stripe_id VARCHAR(255) GENERATED ALWAYS AS (IF(detached_at IS NULL, stripe_payment_method_id, NULL)) STORED,
      autopay_account_id INT UNSIGNED GENERATED ALWAYS AS (IF(autopay = 1 AND detached_at IS NULL, account_id, NULL)) STORED,
      PRIMARY KEY (id),
      UNIQUE KEY uq_payment_methods_attached (account_id, attached_stripe_id),
      UNIQUE KEY uq_payment_methods_autopay (autopay_account_id),
      KEY ix_payment_methods_stripe (stripe_payment_method_id),
      CONSTRAINT fk_payment_methods_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT ck_payment_methods_card CHECK (
        (type = 'card' AND exp_month BETWEEN 1 AND 12 AND exp_year IS NOT NULL AND bank_account_type IS NULL)
        OR (type = 'bank' AND exp_month IS NULL AND exp_year IS NULL AND bank_account_type IS NOT NULL)),
      CONSTRAINT ck_payment_methods_autopay CHECK (autopay = 0 OR detached_at IS NULL)
    ) ${TABLE_OPTIONS}`);

    // One row per payment asked of the processor, written before the processor is called:
    // its id makes the processor's idempotency key, and (account, Idempotency-Key) makes a
    // retried request find the first one.
    await q.query(`CREATE TABLE processor_payments (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      account_id INT UNSIGNED NOT NULL,
      payment_method_id INT UNSIGNED NOT NULL,
      method ENUM('card','bank') NOT NULL,
      amount INT UNSIGNED NOT NULL,
      currency CHAR(3) NOT NULL,
      payment_date DATE NOT NULL,
      status ENUM('pending','succeeded','failed','refunded') NOT NULL DEFAULT 'pending',
      stripe_payment_intent_id VARCHAR(255) NULL,
      failure_reason VARCHAR(500) NULL,
      idempotency_key VARCHAR(120) NOT NULL,
      request_fingerprint CHAR(64) NOT NULL,
      attempted_at DATETIME(3) NULL,
      transaction_id BIGINT UNSIGNED NULL,
      created_by INT UNSIGNED NULL,
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      UNIQUE KEY uq_processor_payments_idempotency (account_id, idempotency_key),
      UNIQUE KEY uq_processor_payments_intent (stripe_payment_intent_id),
      UNIQUE KEY uq_processor_payments_transaction (transaction_id),
      KEY ix_processor_payments_account (account_id, id),
      KEY ix_processor_payments_method (payment_method_id),
      CONSTRAINT fk_processor_payments_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_processor_payments_method FOREIGN KEY (payment_method_id) REFERENCES payment_methods (id),
      CONSTRAINT fk_processor_payments_transaction FOREIGN KEY (transaction_id) REFERENCES transactions (id),
      CONSTRAINT ck_processor_payments_amount CHECK (amount > 0),
      CONSTRAINT ck_processor_payments_recorded CHECK ((status IN ('succeeded','refunded')) = (transaction_id IS NOT NULL))
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE processor_payments');
    await q.query('DROP TABLE payment_methods');
    await q.query('DROP TABLE stripe_customers');
  }
}
