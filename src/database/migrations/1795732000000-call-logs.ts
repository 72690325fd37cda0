import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Call logs: a phone call with a subscriber, who took it, when and for how long.
 * Ticket requests hold what a ticket made from a call will need until the tickets
 * module exists; they copy the subject, description and account, so deleting the
 * call log only clears their link (SET NULL) and loses nothing the ticket needs.
 */
export class CallLogs1795732000000 implements MigrationInterface {
  name = 'CallLogs1795732000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE call_logs (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id INT UNSIGNED NOT NULL,
      subject VARCHAR(200) NOT NULL,
      duration_seconds INT UNSIGNED NOT NULL,
      attendant_user_id INT UNSIGNED NOT NULL,
      called_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      notes TEXT NULL,
      created_by INT UNSIGNED NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      KEY ix_call_logs_account (account_id, called_at),
      KEY ix_call_logs_attendant (attendant_user_id, called_at),
      CONSTRAINT fk_call_logs_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_call_logs_attendant FOREIGN KEY (attendant_user_id) REFERENCES staff_users (id),
      CONSTRAINT fk_call_logs_created_by FOREIGN KEY (created_by) REFERENCES staff_users (id)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE call_log_ticket_requests (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      call_log_id INT UNSIGNED NULL,
      kind ENUM('internal','public') NOT NULL,
      subject VARCHAR(200) NOT NULL,
      description TEXT NULL,
      account_id INT UNSIGNED NOT NULL,
      assignee_user_id INT UNSIGNED NULL,
      status ENUM('pending') NOT NULL DEFAULT 'pending',
      created_by INT UNSIGNED NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY ix_call_log_ticket_requests_call_log (call_log_id),
      KEY ix_call_log_ticket_requests_account (account_id, status),
      CONSTRAINT fk_call_log_ticket_requests_call_log FOREIGN KEY (call_log_id) REFERENCES call_logs (id) ON DELETE SET NULL,
      CONSTRAINT fk_call_log_ticket_requests_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_call_log_ticket_requests_assignee FOREIGN KEY (assignee_user_id) REFERENCES staff_users (id),
      CONSTRAINT fk_call_log_ticket_requests_created_by FOREIGN KEY (created_by) REFERENCES staff_users (id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE call_log_ticket_requests');
    await q.query('DROP TABLE call_logs');
  }
}
