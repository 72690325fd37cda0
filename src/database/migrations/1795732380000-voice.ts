import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const TIMESTAMPS = `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

/** Each new permission goes to the roles that hold its billing counterpart today. */
const VOICE_PERMISSIONS: [string, string][] = [
  ['voice.read', 'billing.read'],
  ['voice.manage', 'billing.manage'],
  ['voice.configure', 'billing.configure'],
];

/**
 * Phone service: rate plans and their decks, the instance's numbers (DIDs) and who held each
 * when, the switch files read, the calls they held, the lines that did not become calls, and
 * each voice service's settled period.
 *
 * - Rates are micro-units (millionths of the currency unit) a minute: carriers price in
 *   fractions of a cent. A call keeps its billed seconds and the rate it was priced at when it
 *   was imported; the included minutes are spent and the charge rounded to cents only when the
 *   period is settled on an invoice (see docs/voice.md).
 * - A call is one row whatever the file or how often it was read: uq_voice_calls_identity is
 *   the hash of the switch's id for the call (or of its facts), the key that stops double billing.
 * - A DID is held by one voice service at a time; did_assignments keeps every holding as a
 *   half-open interval [assigned_at, released_at), so a call is matched to whoever held the
 *   number when it started, even after the number moved on.
 * - A voice service is an account service whose catalog service is of kind 'voice'; the
 *   catalog service carries the rate plan and the included minutes.
 */
export class Voice1795732380000 implements MigrationInterface {
  name = 'Voice1795732380000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE voice_rate_plans (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(80) NOT NULL,
      description VARCHAR(255) NULL,
      ${TIMESTAMPS},
      UNIQUE KEY uq_voice_rate_plans_name (name)
    ) ${TABLE_OPTIONS}`);

    // effective_from is NOT NULL (a row in effect from the start is 1970-01-01) so the unique key holds.
    await q.query(`CREATE TABLE voice_rates (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      rate_plan_id INT UNSIGNED NOT NULL,
      direction ENUM('inbound','outbound') NOT NULL,
      prefix VARCHAR(15) NOT NULL,
      description VARCHAR(120) NOT NULL DEFAULT '',
      rate_micro INT UNSIGNED NOT NULL,
      minimum_seconds SMALLINT UNSIGNED NOT NULL,
      increment_seconds SMALLINT UNSIGNED NOT NULL,
      effective_from DATE NOT NULL DEFAULT '1970-01-01',
      UNIQUE KEY uq_voice_rates_row (rate_plan_id, direction, prefix, effective_from),
      CONSTRAINT fk_voice_rates_plan FOREIGN KEY (rate_plan_id) REFERENCES voice_rate_plans (id) ON DELETE CASCADE,
      CONSTRAINT ck_voice_rates_prefix CHECK (prefix REGEXP '^[0-9]{1,15}$'),
      CONSTRAINT ck_voice_rates_increment CHECK (increment_seconds BETWEEN 1 AND 3600 AND minimum_seconds <= 3600)
    ) ${TABLE_OPTIONS}`);

    await q.query(`ALTER TABLE services
      ADD COLUMN voice_rate_plan_id INT UNSIGNED NULL AFTER usage_policy_id,
      ADD COLUMN included_minutes INT UNSIGNED NULL AFTER voice_rate_plan_id,
      ADD COLUMN included_minutes_scope ENUM('all','outbound') NULL AFTER included_minutes,
      ADD CONSTRAINT fk_services_voice_rate_plan FOREIGN KEY (voice_rate_plan_id) REFERENCES voice_rate_plans (id)`);

    await q.query(`CREATE TABLE dids (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      number VARCHAR(15) NOT NULL,
      state ENUM('available','assigned','reserved','retired') NOT NULL DEFAULT 'available',
      account_service_id INT UNSIGNED NULL,
      note VARCHAR(255) NULL,
      ${TIMESTAMPS},
      UNIQUE KEY uq_dids_number (number),
      KEY ix_dids_account_service (account_service_id),
      CONSTRAINT fk_dids_account_service FOREIGN KEY (account_service_id) REFERENCES account_services (id),
      CONSTRAINT ck_dids_number CHECK (number REGEXP '^[1-9][0-9]{5,14}$'),
      CONSTRAINT ck_dids_held CHECK ((state = 'assigned') = (account_service_id IS NOT NULL))
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE did_assignments (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      did_id INT UNSIGNED NOT NULL,
      account_id INT UNSIGNED NOT NULL,
      account_service_id INT UNSIGNED NOT NULL,
      assigned_at DATETIME(3) NOT NULL,
      released_at DATETIME(3) NULL,
      assigned_by INT UNSIGNED NULL,
      released_by INT UNSIGNED NULL,
      KEY ix_did_assignments_did (did_id, assigned_at),
      KEY ix_did_assignments_service (account_service_id),
      CONSTRAINT fk_did_assignments_did FOREIGN KEY (did_id) REFERENCES dids (id),
      CONSTRAINT fk_did_assignments_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_did_assignments_service FOREIGN KEY (account_service_id) REFERENCES account_services (id),
      CONSTRAINT ck_did_assignments_interval CHECK (released_at IS NULL OR released_at >= assigned_at)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE voice_cdr_files (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(255) NOT NULL,
      source ENUM('upload','folder') NOT NULL,
      format ENUM('asterisk','generic') NOT NULL,
      options JSON NOT NULL,
      sha256 CHAR(64) NOT NULL,
      byte_size BIGINT UNSIGNED NOT NULL,
      stored_path VARCHAR(500) NOT NULL,
      status ENUM('received','importing','imported','failed') NOT NULL DEFAULT 'received',
      workflow_id VARCHAR(120) NULL,
      lines_read INT UNSIGNED NOT NULL DEFAULT 0,
      calls_recorded INT UNSIGNED NOT NULL DEFAULT 0,
      calls_duplicate INT UNSIGNED NOT NULL DEFAULT 0,
      lines_rejected INT UNSIGNED NOT NULL DEFAULT 0,
      failure VARCHAR(500) NULL,
      uploaded_by INT UNSIGNED NULL,
      started_at DATETIME(3) NULL,
      finished_at DATETIME(3) NULL,
      ${TIMESTAMPS},
      KEY ix_voice_cdr_files_sha (sha256),
      KEY ix_voice_cdr_files_status (status, id)
    ) ${TABLE_OPTIONS}`);

    // identity_hash is SHA-256 of the call's identity: the unique key, short whatever the switch's ids look like.
    // No foreign keys: the importer resolves every id it writes from rows it has just read, and a
    // million-line file would pay five key lookups a row for checks that cannot fail.
    await q.query(`CREATE TABLE voice_calls (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      identity_hash BINARY(32) NOT NULL,
      identity VARCHAR(255) NOT NULL,
      file_id INT UNSIGNED NOT NULL,
      line_no INT UNSIGNED NOT NULL,
      account_id INT UNSIGNED NOT NULL,
      account_service_id INT UNSIGNED NOT NULL,
      did_id INT UNSIGNED NOT NULL,
      direction ENUM('inbound','outbound') NOT NULL,
      started_at DATETIME NOT NULL,
      from_number VARCHAR(32) NOT NULL,
      to_number VARCHAR(15) NOT NULL,
      duration_seconds INT UNSIGNED NOT NULL,
      billed_seconds INT UNSIGNED NOT NULL,
      rate_id INT UNSIGNED NOT NULL,
      rate_prefix VARCHAR(15) NOT NULL,
      rate_micro INT UNSIGNED NOT NULL,
      disposition VARCHAR(32) NULL,
      settlement_id INT UNSIGNED NULL,
      included_seconds INT UNSIGNED NULL,
      charged_seconds INT UNSIGNED NULL,
      charge_micro_seconds BIGINT UNSIGNED NULL,
      UNIQUE KEY uq_voice_calls_identity (identity_hash),
      KEY ix_voice_calls_service_start (account_service_id, started_at),
      KEY ix_voice_calls_account_start (account_id, started_at),
      KEY ix_voice_calls_file (file_id),
      KEY ix_voice_calls_settlement (settlement_id)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE voice_cdr_rejects (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      file_id INT UNSIGNED NOT NULL,
      line_no INT UNSIGNED NOT NULL,
      reason VARCHAR(32) NOT NULL,
      message VARCHAR(500) NOT NULL,
      raw TEXT NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_voice_cdr_rejects_line (file_id, line_no),
      KEY ix_voice_cdr_rejects_reason (reason, id),
      CONSTRAINT fk_voice_cdr_rejects_file FOREIGN KEY (file_id) REFERENCES voice_cdr_files (id)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE voice_settlements (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id INT UNSIGNED NOT NULL,
      account_service_id INT UNSIGNED NOT NULL,
      period_start DATE NOT NULL,
      period_end DATE NOT NULL,
      billing_date DATE NOT NULL,
      calls INT UNSIGNED NOT NULL,
      billed_seconds BIGINT UNSIGNED NOT NULL,
      included_seconds BIGINT UNSIGNED NOT NULL,
      charged_seconds BIGINT UNSIGNED NOT NULL,
      charge_micro_seconds DECIMAL(30,0) NOT NULL,
      amount INT UNSIGNED NOT NULL,
      transaction_id BIGINT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_voice_settlements_period (account_service_id, period_start),
      UNIQUE KEY uq_voice_settlements_transaction (transaction_id),
      KEY ix_voice_settlements_account (account_id, period_start),
      CONSTRAINT fk_voice_settlements_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_voice_settlements_service FOREIGN KEY (account_service_id) REFERENCES account_services (id),
      CONSTRAINT fk_voice_settlements_transaction FOREIGN KEY (transaction_id) REFERENCES transactions (id)
    ) ${TABLE_OPTIONS}`);

    for (const [permission, counterpart] of VOICE_PERMISSIONS) {
      await q.query(
        `INSERT IGNORE INTO role_permissions (role_id, permission) SELECT role_id, ? FROM role_permissions WHERE permission = ?`,
        [permission, counterpart],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const permissions = VOICE_PERMISSIONS.map(([permission]) => permission);
    await q.query(`DELETE FROM role_permissions WHERE permission IN (${permissions.map(() => '?').join(', ')})`, permissions);
    for (const table of ['voice_settlements', 'voice_cdr_rejects', 'voice_calls', 'voice_cdr_files', 'did_assignments', 'dids']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`ALTER TABLE services DROP FOREIGN KEY fk_services_voice_rate_plan,
      DROP COLUMN included_minutes_scope, DROP COLUMN included_minutes, DROP COLUMN voice_rate_plan_id`);
    await q.query('DROP TABLE IF EXISTS voice_rates');
    await q.query('DROP TABLE IF EXISTS voice_rate_plans');
  }
}
