import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const TIMESTAMPS = `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

/**
 * Scheduled events: a change to an account (a service or package added or removed, a
 * status, a price override) that a Temporal workflow carries out at a chosen moment.
 * The kind is a short string checked by the application, so a new kind (a card
 * payment, say) needs only its own columns. Each kind fills the columns it uses.
 */
export class ScheduledEvents1795731100000 implements MigrationInterface {
  name = 'ScheduledEvents1795731100000';

  async up(q: QueryRunner): Promise<void> {
    // revision goes up on every edit; the workflow acts only on the revision the row still has.
    await q.query(`CREATE TABLE scheduled_events (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id INT UNSIGNED NOT NULL,
      kind VARCHAR(32) NOT NULL,
      service_id INT UNSIGNED NULL,
      package_id INT UNSIGNED NULL,
      account_service_id INT UNSIGNED NULL,
      quantity INT UNSIGNED NULL,
      price_override INT UNSIGNED NULL,
      account_status_id INT UNSIGNED NULL,
      prorate TINYINT(1) NULL,
      run_at DATETIME(3) NOT NULL,
      state ENUM('scheduled','done','cancelled','failed') NOT NULL DEFAULT 'scheduled',
      failure_reason VARCHAR(500) NULL,
      revision INT UNSIGNED NOT NULL DEFAULT 1,
      workflow_id VARCHAR(100) NULL,
      created_by INT UNSIGNED NULL,
      acted_at DATETIME(3) NULL,
      cancelled_at DATETIME(3) NULL,
      ${TIMESTAMPS},
      KEY ix_scheduled_events_account (account_id, state, run_at),
      KEY ix_scheduled_events_account_service (account_service_id, state),
      CONSTRAINT fk_scheduled_events_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_scheduled_events_service FOREIGN KEY (service_id) REFERENCES services (id),
      CONSTRAINT fk_scheduled_events_package FOREIGN KEY (package_id) REFERENCES packages (id),
      CONSTRAINT fk_scheduled_events_account_service FOREIGN KEY (account_service_id) REFERENCES account_services (id),
      CONSTRAINT fk_scheduled_events_status FOREIGN KEY (account_status_id) REFERENCES account_statuses (id),
      CONSTRAINT fk_scheduled_events_created_by FOREIGN KEY (created_by) REFERENCES staff_users (id),
      CONSTRAINT ck_scheduled_events_quantity CHECK (quantity IS NULL OR quantity >= 1),
      CONSTRAINT ck_scheduled_events_failure CHECK ((state = 'failed') = (failure_reason IS NOT NULL))
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE scheduled_events');
  }
}
