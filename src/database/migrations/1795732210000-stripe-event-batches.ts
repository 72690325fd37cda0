import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Processor events are processed in batches, one workflow for many events, rather
 * than one workflow each. An event belongs to at most one batch at a time:
 * `batch_id` is the batch's workflow id, written before that workflow is started
 * (`claimed_at`), and `dispatched_at` once it is known to run. `attempts` counts the
 * runs of the event's handler and `account_id` is whose payment the event was about,
 * so a batch can be found by any of its accounts.
 */
export class StripeEventBatches1795732210000 implements MigrationInterface {
  name = 'StripeEventBatches1795732210000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhook_events
      ADD COLUMN batch_id VARCHAR(120) NULL AFTER deliveries,
      ADD COLUMN claimed_at DATETIME(3) NULL AFTER batch_id,
      ADD COLUMN attempts INT UNSIGNED NOT NULL DEFAULT 0 AFTER dispatches,
      ADD COLUMN account_id INT UNSIGNED NULL AFTER object_id,
      DROP KEY ix_webhook_events_undispatched,
      ADD KEY ix_webhook_events_unclaimed (status, batch_id, received_at),
      ADD KEY ix_webhook_events_batch (batch_id, status),
      ADD KEY ix_webhook_events_account (account_id, received_at)`);
    // Each event processed before batches ran its handler in a workflow of its own.
    await q.query("UPDATE webhook_events SET attempts = 1 WHERE status = 'processed'");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhook_events
      DROP KEY ix_webhook_events_account, DROP KEY ix_webhook_events_batch, DROP KEY ix_webhook_events_unclaimed,
      ADD KEY ix_webhook_events_undispatched (status, dispatched_at, received_at),
      DROP COLUMN account_id, DROP COLUMN attempts, DROP COLUMN claimed_at, DROP COLUMN batch_id`);
  }
}
