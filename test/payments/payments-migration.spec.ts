import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { ensureDatabase } from '../../src/database/migrate';
import { migrations } from '../../src/database/migrations';
import { Payments1795731300000 } from '../../src/database/migrations/1795731300000-payments';

/** The payments migration on a database of its own: its rules hold past the API, and it can be undone. */
describe('the payments migration', () => {
  let sut: DataSource;
  let name: string;
  let accountId: number;
  beforeAll(async () => {
    const url = new URL(process.env.DATABASE_URL as string);
    name = `${url.pathname.replace(/^\//, '')}_pay_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
    url.pathname = `/${name}`;
    await ensureDatabase(url.toString());
    sut = new DataSource({
      ...dataSourceOptions({ DATABASE_URL: url.toString() }),
      migrations: migrations.slice(0, migrations.indexOf(Payments1795731300000) + 1),
    });
    await sut.initialize();
    await sut.runMigrations({ transaction: 'each' });
    const type = await sut.query("INSERT INTO account_types (name) VALUES ('Residential')");
    const status = await sut.query("INSERT INTO account_statuses (name) VALUES ('Active')");
    const account = await sut.query(
      `INSERT INTO accounts (name, account_type_id, account_status_id, service_line1, service_city, service_region, service_postcode, service_country)
       VALUES ('Migration test', ?, ?, '1 Main St', 'Springfield', 'IL', '62701', 'US')`,
      [type.insertId, status.insertId],
    );
    accountId = Number(account.insertId);
  });
  afterAll(async () => {
    await sut.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await sut.destroy();
  });

  const card = (stripeId: string, autopay: 0 | 1) =>
    sut.query(
      `INSERT INTO payment_methods (account_id, stripe_payment_method_id, type, brand, last4, exp_month, exp_year, autopay)
       VALUES (?, ?, 'card', 'visa', '4242', 8, 2030, ?)`,
      [accountId, stripeId, autopay],
    );

  it('allows one autopay method and one row per attached Stripe method on an account, even written past the API', async () => {
    const first = await card('pm_one', 1);
    await expect(card('pm_two', 1)).rejects.toThrow(/uq_payment_methods_autopay|Duplicate/);
    await expect(card('pm_one', 0)).rejects.toThrow(/uq_payment_methods_attached|Duplicate/);
    // Once detached, the same Stripe id and autopay are free again.
    await sut.query('UPDATE payment_methods SET detached_at = CURRENT_TIMESTAMP(3), autopay = 0 WHERE id = ?', [first.insertId]);
    await card('pm_one', 1);
    await expect(
      sut.query(
        `INSERT INTO payment_methods (account_id, stripe_payment_method_id, type, last4, exp_month, bank_account_type)
         VALUES (?, 'pm_bank', 'bank', '6789', 4, 'checking')`,
        [accountId],
      ),
    ).rejects.toThrow(/ck_payment_methods_card/);
  });

  it('drops its tables on the way down and makes them again on the way up', async () => {
    const tables = async () =>
      (
        await sut.query(
          `SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = DATABASE() AND table_name IN ('stripe_customers', 'payment_methods', 'processor_payments') ORDER BY table_name`,
        )
      ).map((r: { name: string }) => r.name);
    await expect(tables()).resolves.toEqual(['payment_methods', 'processor_payments', 'stripe_customers']);
    await sut.undoLastMigration({ transaction: 'each' });
    await expect(tables()).resolves.toEqual([]);
    await sut.runMigrations({ transaction: 'each' });
    await expect(tables()).resolves.toEqual(['payment_methods', 'processor_payments', 'stripe_customers']);
  });
});
