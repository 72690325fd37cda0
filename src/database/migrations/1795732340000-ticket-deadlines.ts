import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const TIMESTAMPS = `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

/**
 * Ticket deadlines: the helpdesk's opening hours and holidays (the business time targets run
 * on), the targets per ticket group and priority, and each ticket's deadlines and breaches.
 *
 * - Hours are wall-clock minutes of a weekday in the instance's time zone; an interval never
 *   crosses midnight. No hours at all means the clock runs all day, every day.
 * - A target's `scope_key` is `default` or `group:<id>`, so the one default per priority is
 *   unique too (a NULL group_id would not be).
 * - A breach is recorded once per ticket and kind (unique key): the record, its emails and its
 *   task are written in one transaction, so a retried check notifies nobody twice.
 */
export class TicketDeadlines1795732340000 implements MigrationInterface {
  name = 'TicketDeadlines1795732340000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ticket_business_hours (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      weekday TINYINT UNSIGNED NOT NULL,
      opens_minute SMALLINT UNSIGNED NOT NULL,
      closes_minute SMALLINT UNSIGNED NOT NULL,
      ${TIMESTAMPS},
      KEY ix_ticket_business_hours_weekday (weekday, opens_minute),
      CONSTRAINT ck_ticket_business_hours_weekday CHECK (weekday BETWEEN 1 AND 7),
      CONSTRAINT ck_ticket_business_hours_span CHECK (opens_minute < closes_minute AND closes_minute <= 1440)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE ticket_holidays (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      date DATE NOT NULL,
      name VARCHAR(100) NOT NULL,
      ${TIMESTAMPS},
      UNIQUE KEY uq_ticket_holidays_date (date)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE ticket_deadline_targets (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      group_id INT UNSIGNED NULL,
      scope_key VARCHAR(20) NOT NULL,
      priority ENUM('low','medium','high','critical') NOT NULL,
      first_response_seconds INT UNSIGNED NULL,
      resolution_seconds INT UNSIGNED NULL,
      raise_priority_on_breach TINYINT(1) NOT NULL DEFAULT 0,
      ${TIMESTAMPS},
      UNIQUE KEY uq_ticket_deadline_targets_scope (scope_key, priority),
      KEY ix_ticket_deadline_targets_group (group_id),
      CONSTRAINT fk_ticket_deadline_targets_group FOREIGN KEY (group_id) REFERENCES ticket_groups (id) ON DELETE CASCADE,
      CONSTRAINT ck_ticket_deadline_targets_durations CHECK (first_response_seconds > 0 AND resolution_seconds > 0)
    ) ${TABLE_OPTIONS}`);

    // Each open ticket's deadlines as last worked out, for lists that show what is overdue.
    await q.query(`CREATE TABLE ticket_deadlines (
      ticket_id INT UNSIGNED NOT NULL PRIMARY KEY,
      first_response_due_at DATETIME(3) NULL,
      resolution_due_at DATETIME(3) NULL,
      ${TIMESTAMPS},
      KEY ix_ticket_deadlines_first_response (first_response_due_at),
      KEY ix_ticket_deadlines_resolution (resolution_due_at),
      CONSTRAINT fk_ticket_deadlines_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE ticket_deadline_breaches (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      ticket_id INT UNSIGNED NOT NULL,
      kind ENUM('first_response','resolution') NOT NULL,
      due_at DATETIME(3) NOT NULL,
      breached_at DATETIME(3) NOT NULL,
      priority_before ENUM('low','medium','high','critical') NOT NULL,
      priority_raised TINYINT(1) NOT NULL DEFAULT 0,
      notified_users SMALLINT UNSIGNED NOT NULL DEFAULT 0,
      account_task_id INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_ticket_deadline_breaches_kind (ticket_id, kind),
      KEY ix_ticket_deadline_breaches_breached (breached_at),
      CONSTRAINT fk_ticket_deadline_breaches_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'ticket_deadline_breaches',
      'ticket_deadlines',
      'ticket_deadline_targets',
      'ticket_holidays',
      'ticket_business_hours',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
