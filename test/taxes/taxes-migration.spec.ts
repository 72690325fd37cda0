import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { ensureDatabase } from '../../src/database/migrate';
import { migrations } from '../../src/database/migrations';
import { Taxes1795730300000 } from '../../src/database/migrations/1795730300000-taxes';

const TABLES = ['account_tax_overrides', 'tax_types', 'tax_zones', 'taxes'];

/** The taxes migration on a database of its own, migrated only as far as taxes, then undone and redone. */
describe('the taxes migration enforces its rules in the schema and can be undone', () => {
  let sut: DataSource;
  let name: string;
  let taxTypeId: number;
  let taxId: number;
  let accountId: number;

  beforeAll(async () => {
    const url = new URL(process.env.DATABASE_URL as string);
    name = `${url.pathname.replace(/^\//, '')}_tax_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
    url.pathname = `/${name}`;
    await ensureDatabase(url.toString());
    const upToTaxes = migrations.slice(0, migrations.indexOf(Taxes1795730300000) + 1);
    sut = new DataSource({ ...dataSourceOptions({ DATABASE_URL: url.toString() }), migrations: upToTaxes });
    await sut.initialize();
    await sut.runMigrations({ transaction: 'each' });
    taxTypeId = (await sut.query("INSERT INTO tax_types (name) VALUES ('Sales tax')")).insertId;
    taxId = (await sut.query("INSERT INTO taxes (name, tax_type_id, rate_e4) VALUES ('State', ?, 62500)", [taxTypeId])).insertId;
    const type = await sut.query("INSERT INTO account_types (name) VALUES ('Residential')");
    const status = await sut.query("INSERT INTO account_statuses (name) VALUES ('Active')");
    accountId = (
      await sut.query(
        `INSERT INTO accounts (name, account_type_id, account_status_id, service_line1, service_city, service_region, service_postcode, service_country)
         VALUES ('Raw', ?, ?, '1 Main St', 'Springfield', 'IL', '62701', 'US')`,
        [type.insertId, status.insertId],
      )
    ).insertId;
  });
  afterAll(async () => {
    await sut.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await sut.destroy();
  });

  const tables = async () =>
    (
      await sut.query(
        `SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = DATABASE() AND table_name IN (${TABLES.map(() => '?').join(', ')})`,
        TABLES,
      )
    )
      .map((r: { name: string }) => r.name)
      .sort();

  it('refuses a rate above 100 % even when written past the API', async () => {
    const insert = (rate: number) =>
      sut.query('INSERT INTO taxes (name, tax_type_id, rate_e4) VALUES (?, ?, ?)', [`Raw ${randomUUID()}`, taxTypeId, rate]);
    await expect(insert(1_000_001)).rejects.toThrow(/ck_taxes_rate/);
    await expect(insert(-1)).rejects.toThrow();
    await expect(insert(1_000_000)).resolves.toMatchObject({ affectedRows: 1 });
  });

  it('keeps an override rate with kind rate, and only there', async () => {
    const insert = (kind: string, rate: number | null) =>
      sut.query('INSERT INTO account_tax_overrides (account_id, tax_id, kind, rate_e4) VALUES (?, ?, ?, ?)', [
        accountId,
        taxId,
        kind,
        rate,
      ]);
    await expect(insert('rate', null)).rejects.toThrow(/ck_account_tax_overrides_rate/);
    await expect(insert('exempt', 1000)).rejects.toThrow(/ck_account_tax_overrides_rate/);
    await expect(insert('rate', 1_000_001)).rejects.toThrow(/ck_account_tax_overrides_rate/);
    await expect(insert('rate', 25_000)).resolves.toMatchObject({ affectedRows: 1 });
    await expect(insert('exempt', null)).rejects.toThrow(/uq_account_tax_overrides_account_tax/);
    // An account's exceptions go with the account; a tax with exceptions cannot go.
    await expect(sut.query('DELETE FROM taxes WHERE id = ?', [taxId])).rejects.toThrow(/fk_account_tax_overrides_tax/);
  });

  it('refuses a zone whose box is inverted or whose geometry is not an area', async () => {
    const polygon = JSON.stringify({ type: 'Polygon', coordinates: [] });
    const insert = (geometry: string, box: [string, string, string, string]) =>
      sut.query('INSERT INTO tax_zones (name, tax_id, geometry, min_lat, max_lat, min_lng, max_lng) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        'Raw zone',
        taxId,
        geometry,
        ...box,
      ]);
    await expect(insert(polygon, ['39.8', '39.7', '-89.7', '-89.6'])).rejects.toThrow(/ck_tax_zones_lat/);
    await expect(insert(polygon, ['39.7', '39.8', '-89.6', '-89.7'])).rejects.toThrow(/ck_tax_zones_lng/);
    await expect(insert(JSON.stringify({ type: 'Point', coordinates: [0, 0] }), ['39.7', '39.8', '-89.7', '-89.6'])).rejects.toThrow(
      /ck_tax_zones_geometry/,
    );
    await expect(insert(polygon, ['39.7', '39.8', '-89.7', '-89.6'])).resolves.toMatchObject({ affectedRows: 1 });
  });

  it('drops its tables on the way down and builds them again on the way up', async () => {
    await expect(tables()).resolves.toEqual(TABLES);
    await sut.undoLastMigration({ transaction: 'each' });
    await expect(tables()).resolves.toEqual([]);
    await sut.runMigrations({ transaction: 'each' });
    await expect(tables()).resolves.toEqual(TABLES);
  });
});
