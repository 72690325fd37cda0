import { MigrationInterface, QueryRunner } from 'typeorm';

/** The permissions that see the inbox of processor events and hand one to processing again. */
const INBOX_PERMISSIONS = ['webhooks.read', 'webhooks.dispatch'];

/**
 * The webhook endpoint only stores an event and answers; handing it to processing
 * happens after the answer. `dispatched_at` records when its processing workflow was
 * started, so what is stored but not yet handed over (after a crash, or while
 * Temporal was away) is found by the dispatcher, oldest first. Events stored before
 * this change had their workflow started by the request that stored them.
 */
export class WebhookInbox1795732200000 implements MigrationInterface {
  name = 'WebhookInbox1795732200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhook_events
      ADD COLUMN dispatched_at DATETIME(3) NULL AFTER deliveries,
      ADD COLUMN dispatches INT UNSIGNED NOT NULL DEFAULT 0 AFTER dispatched_at,
      ADD KEY ix_webhook_events_undispatched (status, dispatched_at, received_at)`);
    await q.query('UPDATE webhook_events SET dispatched_at = received_at, dispatches = 1');
    // Whoever may configure billing watches the processor's events too.
    for (const permission of INBOX_PERMISSIONS) {
      await q.query(
        `INSERT IGNORE INTO role_permissions (role_id, permission)
         SELECT role_id, ? FROM role_permissions WHERE permission = 'billing.configure'`,
        [permission],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM role_permissions WHERE permission IN (${INBOX_PERMISSIONS.map(() => '?').join(', ')})`, INBOX_PERMISSIONS);
    await q.query(`ALTER TABLE webhook_events
      DROP KEY ix_webhook_events_undispatched, DROP COLUMN dispatches, DROP COLUMN dispatched_at`);
  }
}
