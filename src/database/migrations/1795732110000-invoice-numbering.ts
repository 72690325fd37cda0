import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Invoice numbers as an unbroken sequence, apart from the invoices' ids: an
 * AUTO_INCREMENT value spent by a rolled-back transaction (a preview, a batch
 * that failed and was retried) is never handed back, so ids have gaps and cannot
 * be the numbers tax authorities read.
 *
 * One counter row, locked FOR UPDATE by whoever issues an invoice and moved on in
 * the same transaction, so a number is only spent when the invoice is committed.
 * `issued_at` is when the number was taken, the database's clock read after the
 * counter was locked, so it rises with the sequence.
 * Numbers issued before this migration keep their values; the counter starts after
 * the highest of them, and the sequence is unbroken from there (`gapless_from`).
 * A hand-made invoice deleted after it was issued leaves its number on record as
 * withdrawn, so the sequence still accounts for every number.
 */
export class InvoiceNumbering1795732110000 implements MigrationInterface {
  name = 'InvoiceNumbering1795732110000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE invoices ADD COLUMN sequence_no INT UNSIGNED NULL AFTER number, ADD COLUMN issued_at DATETIME(3) NULL AFTER sequence_no,
         ADD UNIQUE KEY uq_invoices_sequence (sequence_no)`,
    );
    // Numbers written so far are INV- and the id, zero-padded, given when the row was written.
    await q.query(
      `UPDATE invoices SET sequence_no = CAST(SUBSTRING(number, 5) AS UNSIGNED), issued_at = created_at WHERE number REGEXP '^INV-[0-9]+$'`,
    );
    await q.query(`CREATE TABLE invoice_number_counter (
      id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
      next_number INT UNSIGNED NOT NULL,
      gapless_from INT UNSIGNED NOT NULL,
      CONSTRAINT ck_invoice_number_counter_single CHECK (id = 1),
      CONSTRAINT ck_invoice_number_counter_order CHECK (next_number >= gapless_from AND gapless_from >= 1)
    ) ${TABLE_OPTIONS}`);
    await q.query(`INSERT INTO invoice_number_counter (id, next_number, gapless_from)
      SELECT 1, COALESCE(MAX(sequence_no), 0) + 1, COALESCE(MAX(sequence_no), 0) + 1 FROM invoices`);
    await q.query(`CREATE TABLE invoice_number_withdrawals (
      sequence_no INT UNSIGNED NOT NULL PRIMARY KEY,
      number VARCHAR(32) NOT NULL,
      invoice_id INT UNSIGNED NOT NULL,
      account_id INT UNSIGNED NOT NULL,
      invoice_date DATE NOT NULL,
      withdrawn_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      withdrawn_by INT UNSIGNED NULL,
      UNIQUE KEY uq_invoice_number_withdrawals_number (number),
      KEY ix_invoice_number_withdrawals_account (account_id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE invoice_number_withdrawals');
    await q.query('DROP TABLE invoice_number_counter');
    await q.query('ALTER TABLE invoices DROP INDEX uq_invoices_sequence, DROP COLUMN issued_at, DROP COLUMN sequence_no');
  }
}
