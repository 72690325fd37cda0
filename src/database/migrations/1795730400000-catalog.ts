import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const TIMESTAMPS = `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

/**
 * What can be sold: services (with the taxes they carry) and packages that bundle
 * recurring services at their own prices. Prices are minor units.
 */
export class Catalog1795730400000 implements MigrationInterface {
  name = 'Catalog1795730400000';

  async up(q: QueryRunner): Promise<void> {
    // The CHECKs keep each kind's extra columns filled exactly when they mean something,
    // so the ledger can trust an adjustment's side and a data service's speeds.
    await q.query(`CREATE TABLE services (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      name VARCHAR(120) NOT NULL,
      kind ENUM('recurring','one_time','data','voice','adjustment') NOT NULL,
      adjustment_side ENUM('debit','credit') NULL,
      price INT UNSIGNED NOT NULL,
      download_kbps INT UNSIGNED NULL,
      upload_kbps INT UNSIGNED NULL,
      ledger_code VARCHAR(40) NOT NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      UNIQUE KEY uq_services_name (name),
      KEY ix_services_kind (kind, active),
      CONSTRAINT ck_services_adjustment_side CHECK ((kind = 'adjustment') = (adjustment_side IS NOT NULL)),
      CONSTRAINT ck_services_speeds CHECK (
        IF(kind = 'data', download_kbps IS NOT NULL AND upload_kbps IS NOT NULL, download_kbps IS NULL AND upload_kbps IS NULL)
      ),
      CONSTRAINT ck_services_price CHECK (price >= 0)
    ) ${TABLE_OPTIONS}`);

    // A tax in use by a service cannot be deleted: dropping it silently would change what customers are charged.
    await q.query(`CREATE TABLE service_taxes (
      service_id INT UNSIGNED NOT NULL,
      tax_id INT UNSIGNED NOT NULL,
      PRIMARY KEY (service_id, tax_id),
      KEY ix_service_taxes_tax (tax_id),
      CONSTRAINT fk_service_taxes_service FOREIGN KEY (service_id) REFERENCES services (id) ON DELETE CASCADE,
      CONSTRAINT fk_service_taxes_tax FOREIGN KEY (tax_id) REFERENCES taxes (id) ON DELETE RESTRICT
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE packages (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      name VARCHAR(120) NOT NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      UNIQUE KEY uq_packages_name (name)
    ) ${TABLE_OPTIONS}`);

    // price is per unit inside the package, so a bundle can discount a service without touching its list price.
    await q.query(`CREATE TABLE package_services (
      package_id INT UNSIGNED NOT NULL,
      service_id INT UNSIGNED NOT NULL,
      quantity INT UNSIGNED NOT NULL DEFAULT 1,
      price INT UNSIGNED NOT NULL,
      PRIMARY KEY (package_id, service_id),
      KEY ix_package_services_service (service_id),
      CONSTRAINT fk_package_services_package FOREIGN KEY (package_id) REFERENCES packages (id) ON DELETE CASCADE,
      CONSTRAINT fk_package_services_service FOREIGN KEY (service_id) REFERENCES services (id) ON DELETE RESTRICT,
      CONSTRAINT ck_package_services_quantity CHECK (quantity >= 1),
      CONSTRAINT ck_package_services_price CHECK (price >= 0)
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['package_services', 'packages', 'service_taxes', 'services']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
