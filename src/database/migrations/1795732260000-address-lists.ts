import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Address lists: named sets of the addresses assigned to accounts, chosen by the accounts' status,
 * that routers fetch to decide who is let through, limited or redirected. A router authenticates
 * with the list's own fetch key: a session would expire under it. Only the key's SHA-256 is kept.
 */
export class AddressLists1795732260000 implements MigrationInterface {
  name = 'AddressLists1795732260000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE address_lists (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(63) NOT NULL,
      description VARCHAR(200) NULL,
      accounts ENUM('all','delinquent','not_delinquent','statuses') NOT NULL,
      fetch_key_sha256 CHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY ux_address_lists_name (name)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE address_list_statuses (
      address_list_id INT UNSIGNED NOT NULL,
      account_status_id INT UNSIGNED NOT NULL,
      PRIMARY KEY (address_list_id, account_status_id),
      CONSTRAINT fk_address_list_statuses_list FOREIGN KEY (address_list_id) REFERENCES address_lists (id) ON DELETE CASCADE,
      CONSTRAINT fk_address_list_statuses_status FOREIGN KEY (account_status_id) REFERENCES account_statuses (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE address_list_statuses');
    await q.query('DROP TABLE address_lists');
  }
}
