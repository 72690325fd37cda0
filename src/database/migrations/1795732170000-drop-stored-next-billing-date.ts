import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The account record no longer stores a next billing date: billing works the date
 * out from the account's settings and invoices, and a second, typed-in copy could
 * only disagree with it. Whatever was typed in is dropped with the column.
 */
export class DropStoredNextBillingDate1795732170000 implements MigrationInterface {
  name = 'DropStoredNextBillingDate1795732170000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE accounts DROP COLUMN next_billing_date');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE accounts ADD COLUMN next_billing_date DATE NULL AFTER activated_at');
  }
}
