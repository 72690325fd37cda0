import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const TIMESTAMPS = `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

function addressColumns(prefix: string, nullable: boolean): string {
  const n = nullable ? 'NULL' : 'NOT NULL';
  return `${prefix}_line1 VARCHAR(200) ${n},
      ${prefix}_line2 VARCHAR(200) NULL,
      ${prefix}_city VARCHAR(100) ${n},
      ${prefix}_region VARCHAR(100) ${n},
      ${prefix}_postcode VARCHAR(20) ${n},
      ${prefix}_country CHAR(2) ${n}`;
}

/**
 * Subscriber accounts and what hangs off them: configurable types, statuses and
 * groups, contacts with phones and portal logins, custom fields, notes, tasks and files.
 */
export class Accounts1795725000000 implements MigrationInterface {
  name = 'Accounts1795725000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE account_types (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      name VARCHAR(80) NOT NULL,
      description VARCHAR(255) NOT NULL DEFAULT '',
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      UNIQUE KEY uq_account_types_name (name)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE account_statuses (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      name VARCHAR(80) NOT NULL,
      counts_as_active TINYINT(1) NOT NULL DEFAULT 1,
      is_delinquency TINYINT(1) NOT NULL DEFAULT 0,
      color CHAR(7) NOT NULL DEFAULT '#607d8b',
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      UNIQUE KEY uq_account_statuses_name (name)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE account_groups (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      name VARCHAR(80) NOT NULL,
      description VARCHAR(255) NOT NULL DEFAULT '',
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      UNIQUE KEY uq_account_groups_name (name)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE accounts (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      name VARCHAR(200) NOT NULL,
      account_type_id INT UNSIGNED NOT NULL,
      account_status_id INT UNSIGNED NOT NULL,
      parent_account_id INT UNSIGNED NULL,
      activated_at DATETIME(3) NULL,
      next_billing_date DATE NULL,
      ${addressColumns('service', false)},
      service_latitude DECIMAL(9,6) NULL,
      service_longitude DECIMAL(9,6) NULL,
      ${addressColumns('mailing', true)},
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      KEY ix_accounts_name (name),
      KEY ix_accounts_status (account_status_id, id),
      KEY ix_accounts_type (account_type_id, id),
      KEY ix_accounts_parent (parent_account_id),
      KEY ix_accounts_postcode (service_postcode),
      CONSTRAINT fk_accounts_type FOREIGN KEY (account_type_id) REFERENCES account_types (id),
      CONSTRAINT fk_accounts_status FOREIGN KEY (account_status_id) REFERENCES account_statuses (id),
      CONSTRAINT fk_accounts_parent FOREIGN KEY (parent_account_id) REFERENCES accounts (id),
      CONSTRAINT ck_accounts_latitude CHECK (service_latitude IS NULL OR service_latitude BETWEEN -90 AND 90),
      CONSTRAINT ck_accounts_longitude CHECK (service_longitude IS NULL OR service_longitude BETWEEN -180 AND 180)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE account_group_members (
      account_id INT UNSIGNED NOT NULL,
      group_id INT UNSIGNED NOT NULL,
      PRIMARY KEY (account_id, group_id),
      KEY ix_account_group_members_group (group_id, account_id),
      CONSTRAINT fk_agm_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
      CONSTRAINT fk_agm_group FOREIGN KEY (group_id) REFERENCES account_groups (id) ON DELETE RESTRICT
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE message_categories (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      name VARCHAR(80) NOT NULL,
      is_default TINYINT(1) NOT NULL DEFAULT 0,
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      UNIQUE KEY uq_message_categories_name (name)
    ) ${TABLE_OPTIONS}`);

    // primary_account_id is the account id for the primary contact and NULL for the
    // rest, so the unique key allows exactly one primary per account.
    await q.query(`CREATE TABLE contacts (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      account_id INT UNSIGNED NOT NULL,
      name VARCHAR(150) NOT NULL,
      role VARCHAR(60) NULL,
      email VARCHAR(254) NULL,
      language VARCHAR(10) NOT NULL DEFAULT 'en',
      is_primary TINYINT(1) NOT NULL DEFAULT 0,
      primary_account_id INT UNSIGNED AS (IF(is_primary = 1, account_id, NULL)) STORED,
      portal_username VARCHAR(80) NULL,
      portal_password_hash VARCHAR(255) NULL,
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      UNIQUE KEY uq_contacts_primary (primary_account_id),
      UNIQUE KEY uq_contacts_portal_username (portal_username),
      KEY ix_contacts_account (account_id, id),
      KEY ix_contacts_email (email),
      KEY ix_contacts_name (name),
      CONSTRAINT fk_contacts_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
      CONSTRAINT ck_contacts_portal_pair CHECK ((portal_username IS NULL) = (portal_password_hash IS NULL))
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE contact_phones (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      contact_id INT UNSIGNED NOT NULL,
      type VARCHAR(16) NOT NULL,
      number VARCHAR(20) NOT NULL,
      extension VARCHAR(10) NULL,
      digits VARCHAR(20) AS (REPLACE(number, '+', '')) STORED,
      PRIMARY KEY (id),
      KEY ix_contact_phones_contact (contact_id),
      KEY ix_contact_phones_digits (digits),
      CONSTRAINT fk_contact_phones_contact FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE contact_message_categories (
      contact_id INT UNSIGNED NOT NULL,
      message_category_id INT UNSIGNED NOT NULL,
      PRIMARY KEY (contact_id, message_category_id),
      CONSTRAINT fk_cmc_contact FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE,
      CONSTRAINT fk_cmc_category FOREIGN KEY (message_category_id) REFERENCES message_categories (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE custom_fields (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      entity_type VARCHAR(30) NOT NULL DEFAULT 'account',
      name VARCHAR(80) NOT NULL,
      type VARCHAR(16) NOT NULL,
      required TINYINT(1) NOT NULL DEFAULT 0,
      is_unique TINYINT(1) NOT NULL DEFAULT 0,
      pattern VARCHAR(255) NULL,
      options JSON NULL,
      position SMALLINT UNSIGNED NOT NULL DEFAULT 0,
      active TINYINT(1) NOT NULL DEFAULT 1,
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      UNIQUE KEY uq_custom_fields_name (entity_type, name)
    ) ${TABLE_OPTIONS}`);

    // unique_value repeats value only for fields that must be unique, so one index
    // enforces uniqueness where it is asked for and ignores the rest.
    await q.query(`CREATE TABLE custom_field_values (
      custom_field_id INT UNSIGNED NOT NULL,
      account_id INT UNSIGNED NOT NULL,
      value VARCHAR(1000) NOT NULL,
      unique_value VARCHAR(255) NULL,
      PRIMARY KEY (account_id, custom_field_id),
      UNIQUE KEY uq_custom_field_values_unique (custom_field_id, unique_value),
      CONSTRAINT fk_cfv_field FOREIGN KEY (custom_field_id) REFERENCES custom_fields (id) ON DELETE CASCADE,
      CONSTRAINT fk_cfv_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE account_notes (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      account_id INT UNSIGNED NOT NULL,
      author_user_id INT UNSIGNED NOT NULL,
      body TEXT NOT NULL,
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      KEY ix_account_notes_account (account_id, id),
      CONSTRAINT fk_account_notes_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
      CONSTRAINT fk_account_notes_author FOREIGN KEY (author_user_id) REFERENCES staff_users (id)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE account_tasks (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      account_id INT UNSIGNED NOT NULL,
      title VARCHAR(200) NOT NULL,
      description TEXT NULL,
      assigned_user_id INT UNSIGNED NULL,
      due_date DATE NULL,
      completed_at DATETIME(3) NULL,
      completed_by_user_id INT UNSIGNED NULL,
      created_by_user_id INT UNSIGNED NOT NULL,
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      KEY ix_account_tasks_account (account_id, completed_at, id),
      KEY ix_account_tasks_assignee (assigned_user_id, completed_at),
      CONSTRAINT fk_account_tasks_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
      CONSTRAINT fk_account_tasks_assignee FOREIGN KEY (assigned_user_id) REFERENCES staff_users (id),
      CONSTRAINT fk_account_tasks_completed_by FOREIGN KEY (completed_by_user_id) REFERENCES staff_users (id),
      CONSTRAINT fk_account_tasks_created_by FOREIGN KEY (created_by_user_id) REFERENCES staff_users (id)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE account_files (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      account_id INT UNSIGNED NOT NULL,
      name VARCHAR(255) NOT NULL,
      storage_key CHAR(36) NOT NULL,
      size_bytes BIGINT UNSIGNED NOT NULL,
      mime_type VARCHAR(100) NOT NULL,
      has_thumbnail TINYINT(1) NOT NULL DEFAULT 0,
      uploaded_by_user_id INT UNSIGNED NOT NULL,
      ${TIMESTAMPS},
      PRIMARY KEY (id),
      UNIQUE KEY uq_account_files_storage_key (storage_key),
      KEY ix_account_files_account (account_id, id),
      CONSTRAINT fk_account_files_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
      CONSTRAINT fk_account_files_uploader FOREIGN KEY (uploaded_by_user_id) REFERENCES staff_users (id)
    ) ${TABLE_OPTIONS}`);

    // Lets an account's log show what happened to everything it owns (contacts, notes, files).
    await q.query(
      'ALTER TABLE action_history ADD COLUMN account_id INT UNSIGNED NULL AFTER entity_id, ADD KEY ix_action_history_account (account_id, id)',
    );

    // One row per account holding every searchable word (name, address, contact names,
    // emails and phone digits), kept current by the services that change them.
    await q.query(`CREATE TABLE account_search (
      account_id INT UNSIGNED NOT NULL,
      document TEXT NOT NULL,
      PRIMARY KEY (account_id),
      FULLTEXT KEY ft_account_search_document (document),
      CONSTRAINT fk_account_search_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE action_history DROP KEY ix_action_history_account, DROP COLUMN account_id');
    for (const table of [
      'account_search',
      'account_files',
      'account_tasks',
      'account_notes',
      'custom_field_values',
      'custom_fields',
      'contact_message_categories',
      'contact_phones',
      'contacts',
      'message_categories',
      'account_group_members',
      'accounts',
      'account_groups',
      'account_statuses',
      'account_types',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
