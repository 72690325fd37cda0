import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Staff identity, sessions and the append-only audit trail. */
export class Platform1795718700000 implements MigrationInterface {
  name = 'Platform1795718700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE staff_users (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      email VARCHAR(254) NOT NULL,
      name VARCHAR(120) NOT NULL,
      password_hash VARCHAR(255) NOT NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      failed_login_attempts SMALLINT UNSIGNED NOT NULL DEFAULT 0,
      locked_until DATETIME(3) NULL,
      last_login_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_staff_users_email (email)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE roles (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      name VARCHAR(80) NOT NULL,
      description VARCHAR(255) NOT NULL DEFAULT '',
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_roles_name (name)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE role_permissions (
      role_id INT UNSIGNED NOT NULL,
      permission VARCHAR(64) NOT NULL,
      PRIMARY KEY (role_id, permission),
      CONSTRAINT fk_role_permissions_role FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE staff_user_roles (
      user_id INT UNSIGNED NOT NULL,
      role_id INT UNSIGNED NOT NULL,
      PRIMARY KEY (user_id, role_id),
      KEY ix_staff_user_roles_role (role_id),
      CONSTRAINT fk_staff_user_roles_user FOREIGN KEY (user_id) REFERENCES staff_users (id) ON DELETE CASCADE,
      CONSTRAINT fk_staff_user_roles_role FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE RESTRICT
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE staff_sessions (
      token_hash CHAR(64) NOT NULL,
      user_id INT UNSIGNED NOT NULL,
      created_at DATETIME(3) NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      PRIMARY KEY (token_hash),
      KEY ix_staff_sessions_user (user_id),
      KEY ix_staff_sessions_expires (expires_at),
      CONSTRAINT fk_staff_sessions_user FOREIGN KEY (user_id) REFERENCES staff_users (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE action_history (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      actor_user_id INT UNSIGNED NULL,
      actor_email VARCHAR(254) NULL,
      action VARCHAR(40) NOT NULL,
      entity_type VARCHAR(60) NOT NULL,
      entity_id VARCHAR(64) NOT NULL,
      before_state JSON NULL,
      after_state JSON NULL,
      request_id VARCHAR(64) NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_action_history_entity (entity_type, entity_id, id),
      KEY ix_action_history_actor (actor_user_id, id),
      KEY ix_action_history_created (created_at)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE view_history (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      user_id INT UNSIGNED NOT NULL,
      user_email VARCHAR(254) NOT NULL,
      entity_type VARCHAR(60) NOT NULL,
      entity_id VARCHAR(64) NOT NULL,
      viewed_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_view_history_entity (entity_type, entity_id, id),
      KEY ix_view_history_user (user_id, id)
    ) ${TABLE_OPTIONS}`);

    // The trail is evidence: the database itself refuses to rewrite it.
    for (const table of ['action_history', 'view_history']) {
      for (const event of ['UPDATE', 'DELETE']) {
        await q.query(
          `CREATE TRIGGER ${table}_no_${event.toLowerCase()} BEFORE ${event} ON ${table} FOR EACH ROW ` +
            `SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${table} is append-only'`,
        );
      }
    }

    await q.query(`CREATE TABLE audit_exports (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      requested_by INT UNSIGNED NOT NULL,
      filter JSON NOT NULL,
      status VARCHAR(16) NOT NULL,
      row_count INT UNSIGNED NOT NULL DEFAULT 0,
      error VARCHAR(500) NULL,
      created_at DATETIME(3) NOT NULL,
      completed_at DATETIME(3) NULL,
      PRIMARY KEY (id),
      CONSTRAINT fk_audit_exports_user FOREIGN KEY (requested_by) REFERENCES staff_users (id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_exports');
    for (const table of ['action_history', 'view_history']) {
      await q.query(`DROP TRIGGER IF EXISTS ${table}_no_update`);
      await q.query(`DROP TRIGGER IF EXISTS ${table}_no_delete`);
    }
    await q.query('DROP TABLE view_history');
    await q.query('DROP TABLE action_history');
    await q.query('DROP TABLE staff_sessions');
    await q.query('DROP TABLE staff_user_roles');
    await q.query('DROP TABLE role_permissions');
    await q.query('DROP TABLE roles');
    await q.query('DROP TABLE staff_users');
  }
}
