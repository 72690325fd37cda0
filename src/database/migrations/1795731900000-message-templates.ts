import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** What an instance starts with; staff reword them in the admin. Merge fields are checked by the service on every save. */
const SEEDED_TEMPLATES = [
  {
    key: 'invoice',
    name: 'Invoice',
    subject: 'Invoice {{invoice.number}} from {{company.name}}',
    body: [
      'Hello {{contact.name}},',
      '',
      'Invoice {{invoice.number}} dated {{invoice.date}} for account {{account.name}} (#{{account.id}}) is attached.',
      '',
      'Invoice total: {{invoice.total}}',
      'Balance due: {{invoice.balance_due}}',
      'Due date: {{invoice.due_date}}',
      '',
      'Thank you,',
      '{{company.name}}',
    ],
  },
  {
    key: 'statement',
    name: 'Statement',
    subject: 'Your statement from {{company.name}}',
    body: [
      'Hello {{contact.name}},',
      '',
      'The statement of account {{account.name}} (#{{account.id}}) dated {{invoice.date}} is attached.',
      '',
      'Balance: {{statement.balance}}',
      'New charges (bill {{invoice.number}}): {{invoice.total}}',
      'Due date: {{invoice.due_date}}',
      '',
      'Thank you,',
      '{{company.name}}',
    ],
  },
  {
    key: 'payment_receipt',
    name: 'Payment receipt',
    subject: 'Payment received: {{payment.amount}}',
    body: [
      'Hello {{contact.name}},',
      '',
      'We received your {{payment.method}} payment of {{payment.amount}} on {{payment.date}} for account {{account.name}} (#{{account.id}}).',
      'The receipt is attached.',
      '',
      'Thank you,',
      '{{company.name}}',
    ],
  },
  {
    key: 'payment_failed',
    name: 'Payment failed',
    subject: 'Your payment of {{payment.amount}} did not go through',
    body: [
      'Hello {{contact.name}},',
      '',
      'The {{payment.method}} payment of {{payment.amount}} attempted on {{payment.date}} for account {{account.name}} (#{{account.id}}) failed.',
      'Reason: {{payment.failure_reason}}',
      '',
      'Please check your payment method or contact us.',
      '',
      '{{company.name}}',
    ],
  },
];

/**
 * The wording of the messages Backhaul sends (invoice, statement, payment receipt and
 * failure), each tied to the message category contacts tick to receive it; and the
 * billing setting that has bill runs email their invoices.
 */
export class MessageTemplates1795731900000 implements MigrationInterface {
  name = 'MessageTemplates1795731900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE message_templates (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      template_key VARCHAR(40) NOT NULL,
      name VARCHAR(120) NOT NULL,
      category_id INT UNSIGNED NOT NULL,
      subject VARCHAR(255) NOT NULL,
      body_text MEDIUMTEXT NOT NULL,
      updated_by INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_message_templates_key (template_key),
      KEY ix_message_templates_category (category_id),
      CONSTRAINT fk_message_templates_category FOREIGN KEY (category_id) REFERENCES message_categories (id),
      CONSTRAINT fk_message_templates_updated_by FOREIGN KEY (updated_by) REFERENCES staff_users (id)
    ) ${TABLE_OPTIONS}`);

    // Not a default category: contacts made before this migration receive nothing until someone ticks it.
    await q.query(`INSERT INTO message_categories (name, is_default) SELECT 'Billing', 0 FROM DUAL
      WHERE NOT EXISTS (SELECT 1 FROM message_categories WHERE name = 'Billing')`);
    const [billing]: { id: number }[] = await q.query("SELECT id FROM message_categories WHERE name = 'Billing'");
    for (const t of SEEDED_TEMPLATES) {
      await q.query('INSERT INTO message_templates (template_key, name, category_id, subject, body_text) VALUES (?, ?, ?, ?, ?)', [
        t.key,
        t.name,
        billing.id,
        t.subject,
        t.body.join('\n'),
      ]);
    }

    await q.query('ALTER TABLE billing_settings ADD COLUMN email_invoices TINYINT(1) NULL AFTER printed_invoice');
    await q.query("UPDATE billing_settings SET email_invoices = 1 WHERE scope = 'system'");
    await q.query(
      "ALTER TABLE billing_settings ADD CONSTRAINT ck_billing_settings_system_email_invoices CHECK (scope <> 'system' OR email_invoices IS NOT NULL)",
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE billing_settings DROP CONSTRAINT ck_billing_settings_system_email_invoices');
    await q.query('ALTER TABLE billing_settings DROP COLUMN email_invoices');
    await q.query('DROP TABLE message_templates');
  }
}
