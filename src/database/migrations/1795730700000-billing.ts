import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const TIMESTAMPS = `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

/**
 * The ledger: services on accounts, invoices, transactions with their tax rows,
 * and the applications of credits to invoices.
 *
 * Amounts never change once written; corrections are new rows pointing at what
 * they correct (corrects_transaction_id). Unique keys make every automatic effect
 * idempotent: one recurring charge per service and period, one generated invoice
 * per account and billing date, one correction per transaction.
 */
export class Billing1795730700000 implements MigrationInterface {
  name = 'Billing1795730700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE account_services (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id INT UNSIGNED NOT NULL,
      service_id INT UNSIGNED NULL,
      package_id INT UNSIGNED NULL,
      quantity INT UNSIGNED NOT NULL,
      price_override INT UNSIGNED NULL,
      prorate_on_add TINYINT(1) NOT NULL,
      prorate_on_remove TINYINT(1) NULL,
      added_on DATE NOT NULL,
      removed_on DATE NULL,
      addition_prorate_date DATE NULL,
      charged_through DATE NULL,
      ${TIMESTAMPS},
      KEY ix_account_services_account (account_id, removed_on),
      CONSTRAINT fk_account_services_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_account_services_service FOREIGN KEY (service_id) REFERENCES services (id),
      CONSTRAINT fk_account_services_package FOREIGN KEY (package_id) REFERENCES packages (id),
      CONSTRAINT ck_account_services_one_item CHECK ((service_id IS NULL) <> (package_id IS NULL)),
      CONSTRAINT ck_account_services_quantity CHECK (quantity >= 1),
      CONSTRAINT ck_account_services_dates CHECK (removed_on IS NULL OR removed_on >= added_on)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE invoices (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id INT UNSIGNED NOT NULL,
      number VARCHAR(32) NULL,
      invoice_date DATE NOT NULL,
      due_date DATE NOT NULL,
      period_start DATE NULL,
      period_end DATE NULL,
      months TINYINT UNSIGNED NOT NULL DEFAULT 1,
      generated_for DATE NULL,
      total INT UNSIGNED NOT NULL DEFAULT 0,
      tax_total INT UNSIGNED NOT NULL DEFAULT 0,
      paid INT UNSIGNED NOT NULL DEFAULT 0,
      frozen TINYINT(1) NOT NULL DEFAULT 0,
      delinquent TINYINT(1) NOT NULL DEFAULT 0,
      is_void TINYINT(1) NOT NULL DEFAULT 0,
      voided_at DATETIME(3) NULL,
      manual TINYINT(1) NOT NULL DEFAULT 0,
      message TEXT NULL,
      parent_invoice_id INT UNSIGNED NULL,
      ${TIMESTAMPS},
      UNIQUE KEY uq_invoices_number (number),
      UNIQUE KEY uq_invoices_generated (account_id, generated_for),
      KEY ix_invoices_account_date (account_id, invoice_date, id),
      KEY ix_invoices_parent (parent_invoice_id),
      CONSTRAINT fk_invoices_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_invoices_parent FOREIGN KEY (parent_invoice_id) REFERENCES invoices (id),
      CONSTRAINT ck_invoices_paid CHECK (paid <= total),
      CONSTRAINT ck_invoices_due CHECK (due_date >= invoice_date),
      CONSTRAINT ck_invoices_generated CHECK (generated_for IS NULL OR manual = 0)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE transactions (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id INT UNSIGNED NOT NULL,
      kind ENUM('debit','discount','payment','adjustment','void') NOT NULL,
      side ENUM('debit','credit') NOT NULL,
      amount INT UNSIGNED NOT NULL,
      tax_amount INT UNSIGNED NOT NULL DEFAULT 0,
      transaction_date DATE NOT NULL,
      description VARCHAR(255) NOT NULL,
      service_id INT UNSIGNED NULL,
      account_service_id INT UNSIGNED NULL,
      quantity INT UNSIGNED NULL,
      period_start DATE NULL,
      period_end DATE NULL,
      payment_method ENUM('cash','check','wire','card','bank') NULL,
      reference VARCHAR(100) NULL,
      invoice_id INT UNSIGNED NULL,
      corrects_transaction_id BIGINT UNSIGNED NULL,
      corrected_by_transaction_id BIGINT UNSIGNED NULL,
      offsets_uninvoiced TINYINT(1) NOT NULL DEFAULT 0,
      idempotency_key VARCHAR(120) NULL,
      created_by INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_transactions_correction (corrects_transaction_id),
      UNIQUE KEY uq_transactions_idempotency (account_id, idempotency_key),
      UNIQUE KEY uq_transactions_recurring (account_service_id, service_id, period_start, kind),
      KEY ix_transactions_account_date (account_id, transaction_date, id),
      KEY ix_transactions_invoice (invoice_id),
      CONSTRAINT fk_transactions_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_transactions_service FOREIGN KEY (service_id) REFERENCES services (id),
      CONSTRAINT fk_transactions_account_service FOREIGN KEY (account_service_id) REFERENCES account_services (id),
      CONSTRAINT fk_transactions_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
      CONSTRAINT fk_transactions_corrects FOREIGN KEY (corrects_transaction_id) REFERENCES transactions (id),
      CONSTRAINT ck_transactions_amount CHECK (amount > 0 OR tax_amount > 0),
      CONSTRAINT ck_transactions_side CHECK (
        (kind IN ('debit','void') AND side = 'debit') OR (kind IN ('discount','payment') AND side = 'credit') OR kind = 'adjustment'),
      CONSTRAINT ck_transactions_payment CHECK ((kind = 'payment') = (payment_method IS NOT NULL)),
      CONSTRAINT ck_transactions_invoiced_side CHECK (invoice_id IS NULL OR side = 'debit')
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE transaction_taxes (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      transaction_id BIGINT UNSIGNED NOT NULL,
      tax_id INT UNSIGNED NOT NULL,
      tax_name VARCHAR(100) NOT NULL,
      rate_e4 INT UNSIGNED NOT NULL,
      amount INT UNSIGNED NOT NULL,
      KEY ix_transaction_taxes_transaction (transaction_id),
      CONSTRAINT fk_transaction_taxes_transaction FOREIGN KEY (transaction_id) REFERENCES transactions (id),
      CONSTRAINT fk_transaction_taxes_tax FOREIGN KEY (tax_id) REFERENCES taxes (id)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE credit_applications (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      credit_transaction_id BIGINT UNSIGNED NOT NULL,
      invoice_id INT UNSIGNED NOT NULL,
      amount INT UNSIGNED NOT NULL,
      applied_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      removed_at DATETIME(3) NULL,
      removed_reason VARCHAR(100) NULL,
      KEY ix_credit_applications_credit (credit_transaction_id, removed_at),
      KEY ix_credit_applications_invoice (invoice_id, removed_at),
      CONSTRAINT fk_credit_applications_credit FOREIGN KEY (credit_transaction_id) REFERENCES transactions (id),
      CONSTRAINT fk_credit_applications_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id),
      CONSTRAINT ck_credit_applications_amount CHECK (amount > 0)
    ) ${TABLE_OPTIONS}`);

    // Amounts, sides and dates of a transaction are facts; only its invoice, its
    // correction link and its description may change afterwards.
    await q.query(`CREATE TRIGGER trg_transactions_immutable BEFORE UPDATE ON transactions FOR EACH ROW
      BEGIN
        IF NEW.amount <> OLD.amount OR NEW.tax_amount <> OLD.tax_amount OR NEW.side <> OLD.side OR NEW.kind <> OLD.kind
           OR NEW.transaction_date <> OLD.transaction_date OR NEW.account_id <> OLD.account_id THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger transactions are append-only: amounts, sides, kinds and dates never change';
        END IF;
      END`);
    await q.query(`CREATE TRIGGER trg_transactions_no_delete BEFORE DELETE ON transactions FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger transactions are append-only: corrections are new rows'`);
    await q.query(`CREATE TRIGGER trg_transaction_taxes_no_update BEFORE UPDATE ON transaction_taxes FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'tax rows are append-only'`);
    await q.query(`CREATE TRIGGER trg_transaction_taxes_no_delete BEFORE DELETE ON transaction_taxes FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'tax rows are append-only'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const trigger of [
      'trg_transaction_taxes_no_delete',
      'trg_transaction_taxes_no_update',
      'trg_transactions_no_delete',
      'trg_transactions_immutable',
    ]) {
      await q.query(`DROP TRIGGER IF EXISTS ${trigger}`);
    }
    for (const table of ['credit_applications', 'transaction_taxes', 'transactions', 'invoices', 'account_services']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
