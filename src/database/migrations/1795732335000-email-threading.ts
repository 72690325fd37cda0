import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An email can answer another: `in_reply_to` and `reference_ids` (the thread's
 * Message-IDs, oldest first, separated by spaces) become its In-Reply-To and References
 * headers, and `reply_to` its Reply-To, so a subscriber's answer to a ticket reply comes
 * back to the ticket group's inbound address and onto the same ticket.
 */
export class EmailThreading1795732335000 implements MigrationInterface {
  name = 'EmailThreading1795732335000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE emails
      ADD COLUMN in_reply_to VARCHAR(255) NULL AFTER message_id,
      ADD COLUMN reference_ids TEXT NULL AFTER in_reply_to,
      ADD COLUMN reply_to VARCHAR(254) NULL AFTER reference_ids`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE emails DROP COLUMN reply_to, DROP COLUMN reference_ids, DROP COLUMN in_reply_to');
  }
}
