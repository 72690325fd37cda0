import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * What subscribers used, read from RADIUS accounting. A session is one run of a `radacct` row
 * (a row restarted under the same session id is a second run, told apart by its start), holding
 * the highest counters seen: each accounting event adds only what exceeds them, so an event read
 * twice, a duplicate or a late interim update adds nothing. What was added goes to the account's
 * hour, for the throughput graph and the billing period's totals. The cursor is the id of the last
 * event counted, moved in the same transaction as what it counted.
 */
export class Usage1795732290000 implements MigrationInterface {
  name = 'Usage1795732290000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE usage_sessions (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      unique_id VARCHAR(32) NOT NULL,
      started_at DATETIME NOT NULL,
      session_id VARCHAR(64) NOT NULL,
      username VARCHAR(64) NOT NULL,
      -- NULL for a login Backhaul does not know: its traffic is kept, but on no account.
      account_id INT UNSIGNED NULL,
      nas_address VARCHAR(45) NOT NULL,
      framed_address VARCHAR(45) NULL,
      last_seen_at DATETIME NOT NULL,
      stopped_at DATETIME NULL,
      stop_cause VARCHAR(32) NULL,
      upload_octets BIGINT UNSIGNED NOT NULL DEFAULT 0,
      download_octets BIGINT UNSIGNED NOT NULL DEFAULT 0,
      UNIQUE KEY ux_usage_sessions_run (unique_id, started_at),
      KEY ix_usage_sessions_account (account_id, started_at),
      KEY ix_usage_sessions_open (nas_address, stopped_at),
      CONSTRAINT fk_usage_sessions_account FOREIGN KEY (account_id) REFERENCES accounts (id)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE usage_hours (
      account_id INT UNSIGNED NOT NULL,
      -- The hour's start, UTC.
      hour_start DATETIME NOT NULL,
      upload_octets BIGINT UNSIGNED NOT NULL DEFAULT 0,
      download_octets BIGINT UNSIGNED NOT NULL DEFAULT 0,
      PRIMARY KEY (account_id, hour_start),
      CONSTRAINT fk_usage_hours_account FOREIGN KEY (account_id) REFERENCES accounts (id)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE usage_ingestion (
      id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
      last_event_id BIGINT UNSIGNED NOT NULL,
      events_counted BIGINT UNSIGNED NOT NULL DEFAULT 0,
      updated_at DATETIME(3) NOT NULL
    ) ${TABLE_OPTIONS}`);
    await q.query('INSERT INTO usage_ingestion (id, last_event_id, updated_at) VALUES (1, 0, NOW(3))');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE usage_ingestion');
    await q.query('DROP TABLE usage_hours');
    await q.query('DROP TABLE usage_sessions');
  }
}
