import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the dashboard sums over every account, read from indexes alone: open
 * invoices by due date (a stored flag, so the few open invoices are found without
 * reading the many paid ones), invoice totals by date, and payments by date.
 */
export class DashboardFigures1795732190000 implements MigrationInterface {
  name = 'DashboardFigures1795732190000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE invoices
      ADD COLUMN is_open TINYINT(1) GENERATED ALWAYS AS (is_void = 0 AND paid < total) STORED,
      ADD KEY ix_invoices_open (is_open, due_date, total, paid),
      ADD KEY ix_invoices_date_total (invoice_date, is_void, total)`);
    await q.query('ALTER TABLE transactions ADD KEY ix_transactions_kind_date (kind, transaction_date, amount, tax_amount)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE transactions DROP KEY ix_transactions_kind_date');
    await q.query('ALTER TABLE invoices DROP KEY ix_invoices_date_total, DROP KEY ix_invoices_open, DROP COLUMN is_open');
  }
}
