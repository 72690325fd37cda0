import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Events received from payment processors, stored once by the processor's event
 * id before they are acknowledged, and what processing them came to.
 */
export class WebhookEvents1795731400000 implements MigrationInterface {
  name = 'WebhookEvents1795731400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE webhook_events (
      id VARCHAR(255) NOT NULL PRIMARY KEY,
      provider ENUM('stripe') NOT NULL,
      type VARCHAR(100) NOT NULL,
      object_id VARCHAR(255) NULL,
      livemode TINYINT(1) NOT NULL DEFAULT 0,
      event_created_at DATETIME(3) NOT NULL,
      payload JSON NOT NULL,
      received_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      deliveries INT UNSIGNED NOT NULL DEFAULT 1,
      status ENUM('received','processed','ignored','failed') NOT NULL DEFAULT 'received',
      outcome VARCHAR(40) NULL,
      processed_at DATETIME(3) NULL,
      last_error VARCHAR(500) NULL,
      KEY ix_webhook_events_object (object_id),
      KEY ix_webhook_events_status (status, received_at)
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE webhook_events');
  }
}
