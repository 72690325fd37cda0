import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Enforcement on live RADIUS sessions (RFC 5176). A delinquent account, or one slowed at its usage
 * cap, is limited on the sessions it has open: a CoA-Request with the restricted profile to the NAS
 * of each, or a Disconnect-Request where the NAS cannot change a live session; and restored the
 * same way.
 *
 * Each request is a row, written before it is sent and kept with its answer, so a request is sent
 * until the NAS answers and never twice: a retransmission rebuilds the same packet (identifier and
 * attributes are stored; the authenticator follows from them and the secret). The latest request
 * of a session is what the session was last told. The account's row is the profile its RADIUS
 * replies carried from `since`, which is what a session that logged in since then was given.
 */
export class SessionEnforcement1795732310000 implements MigrationInterface {
  name = 'SessionEnforcement1795732310000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE session_enforcement_settings (
      id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
      delinquent_download_kbps INT UNSIGNED NOT NULL,
      delinquent_upload_kbps INT UNSIGNED NOT NULL,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
    ) ${TABLE_OPTIONS}`);
    await q.query('INSERT INTO session_enforcement_settings (id, delinquent_download_kbps, delinquent_upload_kbps) VALUES (1, 512, 256)');

    await q.query(`CREATE TABLE session_enforcement_accounts (
      account_id INT UNSIGNED NOT NULL PRIMARY KEY,
      -- NULL: the account's normal profile (its data service's speed).
      restriction ENUM('delinquency','cap') NULL,
      download_kbps INT UNSIGNED NULL,
      upload_kbps INT UNSIGNED NULL,
      since DATETIME(3) NOT NULL,
      KEY ix_session_enforcement_accounts_restriction (restriction),
      CONSTRAINT fk_session_enforcement_accounts_account FOREIGN KEY (account_id) REFERENCES accounts (id)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE session_enforcement_requests (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id INT UNSIGNED NOT NULL,
      usage_session_id BIGINT UNSIGNED NOT NULL,
      -- NULL once the NAS device is deleted; its address stays for the history.
      nas_device_id INT UNSIGNED NULL,
      nas_address VARCHAR(45) NOT NULL,
      kind ENUM('coa','disconnect') NOT NULL,
      purpose ENUM('restrict','restore') NOT NULL,
      restriction ENUM('delinquency','cap') NULL,
      -- The profile a CoA carries; NULL for a Disconnect-Request.
      download_kbps INT UNSIGNED NULL,
      upload_kbps INT UNSIGNED NULL,
      identifier TINYINT UNSIGNED NOT NULL,
      -- [[name, value], …] in packet order, without Message-Authenticator: the packet is rebuilt from them.
      attributes JSON NOT NULL,
      status ENUM('pending','acked','naked','failed') NOT NULL DEFAULT 'pending',
      attempts INT UNSIGNED NOT NULL DEFAULT 0,
      reply_code TINYINT UNSIGNED NULL,
      error_cause INT UNSIGNED NULL,
      failure VARCHAR(255) NULL,
      created_at DATETIME(3) NOT NULL,
      sent_at DATETIME(3) NULL,
      last_sent_at DATETIME(3) NULL,
      answered_at DATETIME(3) NULL,
      KEY ix_session_enforcement_requests_account (account_id, status, id),
      KEY ix_session_enforcement_requests_session (usage_session_id, id),
      CONSTRAINT fk_session_enforcement_requests_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_session_enforcement_requests_session FOREIGN KEY (usage_session_id) REFERENCES usage_sessions (id) ON DELETE CASCADE,
      CONSTRAINT fk_session_enforcement_requests_nas FOREIGN KEY (nas_device_id) REFERENCES nas_devices (id) ON DELETE SET NULL
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE session_enforcement_requests');
    await q.query('DROP TABLE session_enforcement_accounts');
    await q.query('DROP TABLE session_enforcement_settings');
  }
}
