import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { ensureDatabase } from '../../src/database/migrate';
import { migrations } from '../../src/database/migrations';
import { Catalog1795730400000 } from '../../src/database/migrations/1795730400000-catalog';

/** The catalogue migration on a database of its own, migrated only as far as the catalogue, then undone and redone. */
describe('the catalogue migration enforces its rules in the schema and can be undone', () => {
  let sut: DataSource;
  let name: string;
  beforeAll(async () => {
    const url = new URL(process.env.DATABASE_URL as string);
    name = `${url.pathname.replace(/^\//, '')}_cat_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
    url.pathname = `/${name}`;
    await ensureDatabase(url.toString());
    const upToCatalog = migrations.slice(0, migrations.indexOf(Catalog1795730400000) + 1);
    sut = new DataSource({ ...dataSourceOptions({ DATABASE_URL: url.toString() }), migrations: upToCatalog });
    await sut.initialize();
    await sut.runMigrations({ transaction: 'each' });
  });
  afterAll(async () => {
    await sut.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await sut.destroy();
  });

  const tables = async () =>
    (
      await sut.query(
        `SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = DATABASE() AND table_name IN ('services', 'service_taxes', 'packages', 'package_services')`,
      )
    )
      .map((r: { name: string }) => r.name)
      .sort();

  it('refuses rows that break the kind rules even when written past the API', async () => {
    const insert = (kind: string, side: string | null, down: number | null, up: number | null, price = 100) =>
      sut.query(
        'INSERT INTO services (name, kind, adjustment_side, price, download_kbps, upload_kbps, ledger_code) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [`Raw ${randomUUID()}`, kind, side, price, down, up, '4000'],
      );
    await expect(insert('adjustment', null, null, null)).rejects.toThrow(/ck_services_adjustment_side/);
    await expect(insert('recurring', 'debit', null, null)).rejects.toThrow(/ck_services_adjustment_side/);
    await expect(insert('data', null, 1000, null)).rejects.toThrow(/ck_services_speeds/);
    await expect(insert('voice', null, 1000, 1000)).rejects.toThrow(/ck_services_speeds/);
    await expect(insert('recurring', null, null, null, -1)).rejects.toThrow();
    await expect(insert('data', null, 1000, 500)).resolves.toMatchObject({ affectedRows: 1 });
    await expect(insert('adjustment', 'credit', null, null)).resolves.toMatchObject({ affectedRows: 1 });
  });

  it('drops its tables on the way down and builds them again on the way up', async () => {
    await expect(tables()).resolves.toEqual(['package_services', 'packages', 'service_taxes', 'services']);
    await sut.undoLastMigration({ transaction: 'each' });
    await expect(tables()).resolves.toEqual([]);
    await sut.runMigrations({ transaction: 'each' });
    await expect(tables()).resolves.toEqual(['package_services', 'packages', 'service_taxes', 'services']);
  });
});
