import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const TIMESTAMPS = `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

/** Each new permission goes to the roles that hold its correspondence counterpart today. */
const TICKET_PERMISSIONS: [string, string][] = [
  ['tickets.read', 'correspondence.read'],
  ['tickets.write', 'correspondence.write'],
  ['tickets.configure', 'correspondence.configure'],
];

/**
 * The helpdesk: tickets on an account (or on nobody yet, for mail from an unknown
 * sender), their conversation, who receives public replies, and what they link to.
 *
 * - A status belongs to one of three kinds (open, pending, closed); the kind is what
 *   the product acts on, the name is the instance's own.
 * - A merged ticket keeps its row and points at the survivor; its messages and links
 *   move, each message remembering the ticket it was written on.
 * - `ticket_messages.message_id` is the RFC 5322 Message-ID of a message that went out
 *   or came in by mail; unique, so one inbound message threads onto a ticket once.
 * - A ticket made from a call log's ticket request names it, uniquely, so the request
 *   becomes one ticket however often it is converted.
 */
export class Tickets1795732330000 implements MigrationInterface {
  name = 'Tickets1795732330000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ticket_statuses (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(60) NOT NULL,
      kind ENUM('open','pending','closed') NOT NULL,
      position SMALLINT UNSIGNED NOT NULL DEFAULT 0,
      is_default TINYINT(1) NOT NULL DEFAULT 0,
      ${TIMESTAMPS},
      UNIQUE KEY uq_ticket_statuses_name (name)
    ) ${TABLE_OPTIONS}`);
    await q.query(`INSERT INTO ticket_statuses (name, kind, position, is_default) VALUES
      ('New', 'open', 1, 1), ('In progress', 'open', 2, 0), ('Waiting on subscriber', 'pending', 3, 0),
      ('Resolved', 'closed', 4, 0), ('Closed', 'closed', 5, 0)`);

    await q.query(`CREATE TABLE ticket_groups (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(100) NOT NULL,
      inbound_address VARCHAR(254) NULL,
      disabled TINYINT(1) NOT NULL DEFAULT 0,
      ${TIMESTAMPS},
      UNIQUE KEY uq_ticket_groups_name (name),
      UNIQUE KEY uq_ticket_groups_inbound_address (inbound_address)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE ticket_group_members (
      group_id INT UNSIGNED NOT NULL,
      user_id INT UNSIGNED NOT NULL,
      PRIMARY KEY (group_id, user_id),
      KEY ix_ticket_group_members_user (user_id),
      CONSTRAINT fk_ticket_group_members_group FOREIGN KEY (group_id) REFERENCES ticket_groups (id) ON DELETE CASCADE,
      CONSTRAINT fk_ticket_group_members_user FOREIGN KEY (user_id) REFERENCES staff_users (id)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE tickets (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id INT UNSIGNED NULL,
      subject VARCHAR(200) NOT NULL,
      description MEDIUMTEXT NULL,
      status_id INT UNSIGNED NOT NULL,
      priority ENUM('low','medium','high','critical') NOT NULL DEFAULT 'medium',
      group_id INT UNSIGNED NULL,
      assignee_user_id INT UNSIGNED NULL,
      visibility ENUM('internal','public') NOT NULL,
      due_date DATE NULL,
      source ENUM('staff','email','call_log') NOT NULL,
      call_log_id INT UNSIGNED NULL,
      call_log_ticket_request_id INT UNSIGNED NULL,
      parent_ticket_id INT UNSIGNED NULL,
      merged_into_ticket_id INT UNSIGNED NULL,
      first_responded_at DATETIME(3) NULL,
      closed_at DATETIME(3) NULL,
      last_activity_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      created_by_user_id INT UNSIGNED NULL,
      ${TIMESTAMPS},
      UNIQUE KEY uq_tickets_call_log_ticket_request (call_log_ticket_request_id),
      KEY ix_tickets_account (account_id, id),
      KEY ix_tickets_status (status_id, id),
      KEY ix_tickets_assignee (assignee_user_id, status_id),
      KEY ix_tickets_group (group_id, status_id),
      KEY ix_tickets_parent (parent_ticket_id),
      KEY ix_tickets_merged_into (merged_into_ticket_id),
      KEY ix_tickets_call_log (call_log_id),
      CONSTRAINT fk_tickets_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_tickets_status FOREIGN KEY (status_id) REFERENCES ticket_statuses (id),
      CONSTRAINT fk_tickets_group FOREIGN KEY (group_id) REFERENCES ticket_groups (id),
      CONSTRAINT fk_tickets_assignee FOREIGN KEY (assignee_user_id) REFERENCES staff_users (id),
      CONSTRAINT fk_tickets_call_log FOREIGN KEY (call_log_id) REFERENCES call_logs (id) ON DELETE SET NULL,
      CONSTRAINT fk_tickets_call_log_ticket_request FOREIGN KEY (call_log_ticket_request_id) REFERENCES call_log_ticket_requests (id),
      CONSTRAINT fk_tickets_parent FOREIGN KEY (parent_ticket_id) REFERENCES tickets (id),
      CONSTRAINT fk_tickets_merged_into FOREIGN KEY (merged_into_ticket_id) REFERENCES tickets (id),
      CONSTRAINT fk_tickets_created_by FOREIGN KEY (created_by_user_id) REFERENCES staff_users (id)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE ticket_recipients (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      ticket_id INT UNSIGNED NOT NULL,
      contact_id INT UNSIGNED NULL,
      address VARCHAR(254) NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_ticket_recipients_address (ticket_id, address),
      CONSTRAINT fk_ticket_recipients_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE,
      CONSTRAINT fk_ticket_recipients_contact FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE SET NULL
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE ticket_messages (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      ticket_id INT UNSIGNED NOT NULL,
      written_on_ticket_id INT UNSIGNED NOT NULL,
      kind ENUM('public_reply','internal_comment','inbound') NOT NULL,
      author_user_id INT UNSIGNED NULL,
      from_address VARCHAR(254) NULL,
      body_text MEDIUMTEXT NOT NULL,
      body_html MEDIUMTEXT NULL,
      message_id VARCHAR(255) NULL,
      in_reply_to VARCHAR(255) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_ticket_messages_message_id (message_id),
      KEY ix_ticket_messages_ticket (ticket_id, id),
      CONSTRAINT fk_ticket_messages_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
      CONSTRAINT fk_ticket_messages_written_on FOREIGN KEY (written_on_ticket_id) REFERENCES tickets (id),
      CONSTRAINT fk_ticket_messages_author FOREIGN KEY (author_user_id) REFERENCES staff_users (id)
    ) ${TABLE_OPTIONS}`);

    // A public reply's emails, one per recipient, each an `emails` row of the email module.
    await q.query(`CREATE TABLE ticket_message_emails (
      message_id INT UNSIGNED NOT NULL,
      email_id INT UNSIGNED NOT NULL,
      PRIMARY KEY (message_id, email_id),
      UNIQUE KEY uq_ticket_message_emails_email (email_id),
      CONSTRAINT fk_ticket_message_emails_message FOREIGN KEY (message_id) REFERENCES ticket_messages (id),
      CONSTRAINT fk_ticket_message_emails_email FOREIGN KEY (email_id) REFERENCES emails (id)
    ) ${TABLE_OPTIONS}`);

    // Bytes live in file storage under storage_key; on a ticket with an account each is also an account file.
    await q.query(`CREATE TABLE ticket_attachments (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      message_id INT UNSIGNED NOT NULL,
      name VARCHAR(255) NOT NULL,
      mime_type VARCHAR(100) NOT NULL,
      size_bytes BIGINT UNSIGNED NOT NULL,
      storage_key CHAR(36) NOT NULL,
      account_file_id INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_ticket_attachments_storage_key (storage_key),
      KEY ix_ticket_attachments_message (message_id),
      CONSTRAINT fk_ticket_attachments_message FOREIGN KEY (message_id) REFERENCES ticket_messages (id),
      CONSTRAINT fk_ticket_attachments_account_file FOREIGN KEY (account_file_id) REFERENCES account_files (id) ON DELETE SET NULL
    ) ${TABLE_OPTIONS}`);

    // Tasks, files, jobs and inventory items a ticket points at; child tickets are tickets.parent_ticket_id.
    await q.query(`CREATE TABLE ticket_links (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      ticket_id INT UNSIGNED NOT NULL,
      kind ENUM('task','file','job','inventory_item') NOT NULL,
      target_id INT UNSIGNED NOT NULL,
      created_by_user_id INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_ticket_links_target (ticket_id, kind, target_id),
      KEY ix_ticket_links_kind_target (kind, target_id),
      CONSTRAINT fk_ticket_links_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id),
      CONSTRAINT fk_ticket_links_created_by FOREIGN KEY (created_by_user_id) REFERENCES staff_users (id)
    ) ${TABLE_OPTIONS}`);

    // A call log's ticket request, once it became a ticket, says so.
    await q.query(`ALTER TABLE call_log_ticket_requests MODIFY status ENUM('pending','converted') NOT NULL DEFAULT 'pending'`);
    // A file that arrived attached to inbound mail has no staff uploader.
    await q.query('ALTER TABLE account_files MODIFY uploaded_by_user_id INT UNSIGNED NULL');

    for (const [permission, counterpart] of TICKET_PERMISSIONS) {
      await q.query(
        `INSERT IGNORE INTO role_permissions (role_id, permission) SELECT role_id, ? FROM role_permissions WHERE permission = ?`,
        [permission, counterpart],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE call_log_ticket_requests SET status = 'pending' WHERE status = 'converted'`);
    await q.query(`ALTER TABLE call_log_ticket_requests MODIFY status ENUM('pending') NOT NULL DEFAULT 'pending'`);
    const permissions = TICKET_PERMISSIONS.map(([permission]) => permission);
    await q.query(`DELETE FROM role_permissions WHERE permission IN (${permissions.map(() => '?').join(', ')})`, permissions);
    for (const table of [
      'ticket_links',
      'ticket_attachments',
      'ticket_message_emails',
      'ticket_messages',
      'ticket_recipients',
      'tickets',
      'ticket_group_members',
      'ticket_groups',
      'ticket_statuses',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
