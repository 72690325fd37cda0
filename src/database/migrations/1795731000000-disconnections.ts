import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Disconnecting an account: the status a disconnection uses unless the clerk picks
 * another, the moment an account was disconnected, and the log of disconnections
 * with the service address as it stood, since accounts are never deleted.
 */
export class Disconnections1795731000000 implements MigrationInterface {
  name = 'Disconnections1795731000000';

  async up(q: QueryRunner): Promise<void> {
    // disconnect_default is 1 for the flagged status and NULL for the rest, so the unique key allows one flagged status.
    await q.query(`ALTER TABLE account_statuses
      ADD COLUMN is_disconnect TINYINT(1) NOT NULL DEFAULT 0 AFTER is_delinquency,
      ADD COLUMN disconnect_default TINYINT(1) AS (IF(is_disconnect = 1, 1, NULL)) STORED,
      ADD UNIQUE KEY uq_account_statuses_disconnect (disconnect_default)`);

    await q.query('ALTER TABLE accounts ADD COLUMN disconnected_at DATETIME(3) NULL AFTER next_billing_date');

    // The address and status names are copies: the log must still read right after the account moves or a status is renamed.
    // Statuses and invoices may later be deleted (an unused status, a manual invoice), so those links fall back to NULL.
    await q.query(`CREATE TABLE account_disconnections (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      account_id INT UNSIGNED NOT NULL,
      disconnected_at DATETIME(3) NOT NULL,
      disconnected_on DATE NOT NULL,
      disconnected_by INT UNSIGNED NULL,
      address_line1 VARCHAR(200) NOT NULL,
      address_line2 VARCHAR(200) NULL,
      address_city VARCHAR(100) NOT NULL,
      address_region VARCHAR(100) NOT NULL,
      address_postcode VARCHAR(20) NOT NULL,
      address_country CHAR(2) NOT NULL,
      address_latitude DECIMAL(9,6) NULL,
      address_longitude DECIMAL(9,6) NULL,
      previous_status_id INT UNSIGNED NULL,
      previous_status_name VARCHAR(80) NOT NULL,
      status_id INT UNSIGNED NULL,
      status_name VARCHAR(80) NOT NULL,
      final_invoice_id INT UNSIGNED NULL,
      reason VARCHAR(500) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      KEY ix_account_disconnections_account (account_id, disconnected_at),
      KEY ix_account_disconnections_by (disconnected_by),
      KEY ix_account_disconnections_invoice (final_invoice_id),
      CONSTRAINT fk_account_disconnections_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_account_disconnections_by FOREIGN KEY (disconnected_by) REFERENCES staff_users (id),
      CONSTRAINT fk_account_disconnections_previous FOREIGN KEY (previous_status_id) REFERENCES account_statuses (id) ON DELETE SET NULL,
      CONSTRAINT fk_account_disconnections_status FOREIGN KEY (status_id) REFERENCES account_statuses (id) ON DELETE SET NULL,
      CONSTRAINT fk_account_disconnections_invoice FOREIGN KEY (final_invoice_id) REFERENCES invoices (id) ON DELETE SET NULL
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE account_disconnections');
    await q.query('ALTER TABLE accounts DROP COLUMN disconnected_at');
    await q.query(`ALTER TABLE account_statuses
      DROP INDEX uq_account_statuses_disconnect,
      DROP COLUMN disconnect_default,
      DROP COLUMN is_disconnect`);
  }
}
