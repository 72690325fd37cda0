import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const TIMESTAMPS = `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

/**
 * Outgoing email: one row per recipient, delivered by its own Temporal workflow.
 * The row is the delivery record (tries, the relay's last answer); attachments are
 * only references, rendered again from the ledger at send time.
 */
export class Emails1795731800000 implements MigrationInterface {
  name = 'Emails1795731800000';

  async up(q: QueryRunner): Promise<void> {
    // message_id is fixed when the row is written so every try sends the same Message-ID,
    // letting a receiving system drop the copy a retry after an unrecorded acceptance makes.
    await q.query(`CREATE TABLE emails (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id INT UNSIGNED NULL,
      contact_id INT UNSIGNED NULL,
      to_address VARCHAR(254) NOT NULL,
      from_address VARCHAR(320) NOT NULL,
      subject VARCHAR(255) NOT NULL,
      body_text MEDIUMTEXT NOT NULL,
      body_html MEDIUMTEXT NULL,
      category_id INT UNSIGNED NULL,
      template_key VARCHAR(40) NULL,
      related_type VARCHAR(30) NULL,
      related_id INT UNSIGNED NULL,
      dedupe_key VARCHAR(120) NULL,
      message_id VARCHAR(255) NOT NULL,
      status ENUM('queued','sent','rejected','invalid') NOT NULL DEFAULT 'queued',
      reject_reason VARCHAR(1000) NULL,
      attempts INT UNSIGNED NOT NULL DEFAULT 0,
      last_error VARCHAR(1000) NULL,
      last_attempt_at DATETIME(3) NULL,
      server_reply VARCHAR(1000) NULL,
      sent_at DATETIME(3) NULL,
      delivery_started_at DATETIME(3) NULL,
      created_by INT UNSIGNED NULL,
      ${TIMESTAMPS},
      UNIQUE KEY uq_emails_dedupe_key (dedupe_key),
      UNIQUE KEY uq_emails_message_id (message_id),
      KEY ix_emails_account (account_id, created_at),
      KEY ix_emails_status (status, created_at),
      KEY ix_emails_undispatched (status, delivery_started_at, id),
      KEY ix_emails_related (related_type, related_id),
      CONSTRAINT fk_emails_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_emails_contact FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE SET NULL,
      CONSTRAINT fk_emails_category FOREIGN KEY (category_id) REFERENCES message_categories (id) ON DELETE SET NULL,
      CONSTRAINT fk_emails_created_by FOREIGN KEY (created_by) REFERENCES staff_users (id),
      CONSTRAINT ck_emails_sent CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
      CONSTRAINT ck_emails_reason CHECK (status IN ('queued', 'sent') OR reject_reason IS NOT NULL)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE email_attachments (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      email_id INT UNSIGNED NOT NULL,
      filename VARCHAR(200) NOT NULL,
      content_type VARCHAR(100) NOT NULL,
      kind ENUM('invoice_pdf','statement_pdf','receipt_pdf') NOT NULL,
      source_id INT UNSIGNED NOT NULL,
      KEY ix_email_attachments_email (email_id),
      CONSTRAINT fk_email_attachments_email FOREIGN KEY (email_id) REFERENCES emails (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE email_attachments');
    await q.query('DROP TABLE emails');
  }
}
