import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Emails are delivered in batches, one workflow for many emails, rather than one
 * workflow each. `batch_id` is the batch's workflow id, written before that workflow
 * is started; `next_attempt_at` is when a deferred email is tried again, so each email
 * keeps its own pace of retries inside its batch; `sending_until` is held while one
 * try is talking to the relay, so no second try of the same email can overlap it.
 */
export class EmailBatches1795732220000 implements MigrationInterface {
  name = 'EmailBatches1795732220000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE emails
      ADD COLUMN batch_id VARCHAR(120) NULL AFTER delivery_started_at,
      ADD COLUMN next_attempt_at DATETIME(3) NULL AFTER last_attempt_at,
      ADD COLUMN sending_until DATETIME(3) NULL AFTER next_attempt_at,
      ADD KEY ix_emails_batch (batch_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE emails DROP KEY ix_emails_batch, DROP COLUMN sending_until, DROP COLUMN next_attempt_at, DROP COLUMN batch_id`,
    );
  }
}
