import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const TIMESTAMPS = `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

/**
 * Taxes: their types, rates (percent × 10 000), the zones geographic taxes are limited
 * to, and per-account exceptions (another rate, or an exemption).
 */
export class Taxes1795730300000 implements MigrationInterface {
  name = 'Taxes1795730300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE tax_types (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      name VARCHAR(80) NOT NULL,
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      UNIQUE KEY uq_tax_types_name (name)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE taxes (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      name VARCHAR(100) NOT NULL,
      tax_type_id INT UNSIGNED NOT NULL,
      rate_e4 INT UNSIGNED NOT NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      UNIQUE KEY uq_taxes_name (name),
      KEY ix_taxes_type (tax_type_id),
      CONSTRAINT fk_taxes_type FOREIGN KEY (tax_type_id) REFERENCES tax_types (id) ON DELETE RESTRICT,
      CONSTRAINT ck_taxes_rate CHECK (rate_e4 <= 1000000),
      CONSTRAINT ck_taxes_active CHECK (active IN (0, 1))
    ) ${TABLE_OPTIONS}`);

    // The box repeats the geometry's extremes so a lookup can skip zones nowhere near the
    // account in SQL; it is always written together with the geometry it was computed from.
    await q.query(`CREATE TABLE tax_zones (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      name VARCHAR(120) NOT NULL,
      tax_id INT UNSIGNED NOT NULL,
      geometry JSON NOT NULL,
      min_lat DECIMAL(9,6) NOT NULL,
      max_lat DECIMAL(9,6) NOT NULL,
      min_lng DECIMAL(9,6) NOT NULL,
      max_lng DECIMAL(9,6) NOT NULL,
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      KEY ix_tax_zones_tax (tax_id),
      KEY ix_tax_zones_box (min_lat, max_lat, min_lng, max_lng),
      CONSTRAINT fk_tax_zones_tax FOREIGN KEY (tax_id) REFERENCES taxes (id) ON DELETE CASCADE,
      CONSTRAINT ck_tax_zones_geometry CHECK (JSON_UNQUOTE(JSON_EXTRACT(geometry, '$.type')) IN ('Polygon', 'MultiPolygon')),
      CONSTRAINT ck_tax_zones_lat CHECK (min_lat >= -90 AND min_lat <= max_lat AND max_lat <= 90),
      CONSTRAINT ck_tax_zones_lng CHECK (min_lng >= -180 AND min_lng <= max_lng AND max_lng <= 180)
    ) ${TABLE_OPTIONS}`);

    // A tax an account has an exception for cannot be deleted (the FK restricts): the
    // exception records a decision about what that customer pays, to be undone on purpose.
    await q.query(`CREATE TABLE account_tax_overrides (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      account_id INT UNSIGNED NOT NULL,
      tax_id INT UNSIGNED NOT NULL,
      kind ENUM('rate','exempt') NOT NULL,
      rate_e4 INT UNSIGNED NULL,
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      UNIQUE KEY uq_account_tax_overrides_account_tax (account_id, tax_id),
      KEY ix_account_tax_overrides_tax (tax_id),
      CONSTRAINT fk_account_tax_overrides_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
      CONSTRAINT fk_account_tax_overrides_tax FOREIGN KEY (tax_id) REFERENCES taxes (id) ON DELETE RESTRICT,
      CONSTRAINT ck_account_tax_overrides_rate CHECK ((kind = 'rate') = (rate_e4 IS NOT NULL) AND (rate_e4 IS NULL OR rate_e4 <= 1000000))
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['account_tax_overrides', 'tax_zones', 'taxes', 'tax_types']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
