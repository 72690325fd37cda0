import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Mail read from the helpdesk mailbox over IMAP.
 *
 * - `inbound_mailboxes`: one row per mailbox read (its URL without the password), with the
 *   IMAP UIDVALIDITY of the folder and the highest UID dealt with. A new UIDVALIDITY (the
 *   folder was recreated) starts the cursor again from nothing; the dedupe key below keeps
 *   messages already filed from being filed twice.
 * - `inbound_messages`: every message fetched, filed or not, once: `dedupe_key` is the
 *   Message-ID, or a SHA-256 of the raw bytes for a message without one, and unique, so a
 *   message delivered twice or fetched twice is one row and one ticket message. A rejected
 *   message keeps its row with the reason, and its raw bytes when they were read.
 */
export class InboundMail1795732350000 implements MigrationInterface {
  name = 'InboundMail1795732350000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE inbound_mailboxes (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      mailbox VARCHAR(300) NOT NULL,
      uid_validity BIGINT UNSIGNED NULL,
      last_uid BIGINT UNSIGNED NOT NULL DEFAULT 0,
      last_polled_at DATETIME(3) NULL,
      last_error VARCHAR(1000) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_inbound_mailboxes_mailbox (mailbox)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE inbound_messages (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      mailbox_id INT UNSIGNED NOT NULL,
      uid_validity BIGINT UNSIGNED NOT NULL,
      uid BIGINT UNSIGNED NOT NULL,
      dedupe_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      message_id VARCHAR(255) NULL,
      from_address VARCHAR(254) NULL,
      to_addresses VARCHAR(1000) NULL,
      subject VARCHAR(255) NULL,
      sent_at DATETIME(3) NULL,
      size_bytes BIGINT UNSIGNED NOT NULL,
      raw_storage_key CHAR(36) NULL,
      status ENUM('received','processed','rejected') NOT NULL DEFAULT 'received',
      reason VARCHAR(1000) NULL,
      notes TEXT NULL,
      attempts SMALLINT UNSIGNED NOT NULL DEFAULT 0,
      times_seen INT UNSIGNED NOT NULL DEFAULT 1,
      ticket_id INT UNSIGNED NULL,
      ticket_message_id INT UNSIGNED NULL,
      ticket_created TINYINT(1) NULL,
      received_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      processed_at DATETIME(3) NULL,
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_inbound_messages_dedupe (dedupe_key),
      KEY ix_inbound_messages_status (status, id),
      KEY ix_inbound_messages_mailbox_uid (mailbox_id, uid_validity, uid),
      KEY ix_inbound_messages_ticket (ticket_id),
      CONSTRAINT fk_inbound_messages_mailbox FOREIGN KEY (mailbox_id) REFERENCES inbound_mailboxes (id),
      CONSTRAINT fk_inbound_messages_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
      CONSTRAINT fk_inbound_messages_ticket_message FOREIGN KEY (ticket_message_id) REFERENCES ticket_messages (id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inbound_messages');
    await q.query('DROP TABLE inbound_mailboxes');
  }
}
