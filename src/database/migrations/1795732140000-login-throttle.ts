import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Failed logins counted per account and per client address, in the database so
 * every API replica throttles alike. The account's key is a hash of the email as
 * typed, so an email that belongs to nobody is counted exactly like a real one.
 * The hard lock on staff users goes: it let anyone lock a colleague out.
 */
export class LoginThrottle1795732140000 implements MigrationInterface {
  name = 'LoginThrottle1795732140000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE login_throttles (
      scope ENUM('account','address') NOT NULL,
      subject VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      failures INT UNSIGNED NOT NULL,
      blocked_until DATETIME(3) NULL,
      expires_at DATETIME(3) NOT NULL,
      PRIMARY KEY (scope, subject),
      KEY ix_login_throttles_expires (expires_at)
    ) ${TABLE_OPTIONS}`);
    await q.query('ALTER TABLE staff_users DROP COLUMN failed_login_attempts, DROP COLUMN locked_until');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff_users
      ADD COLUMN failed_login_attempts SMALLINT UNSIGNED NOT NULL DEFAULT 0 AFTER active,
      ADD COLUMN locked_until DATETIME(3) NULL AFTER failed_login_attempts`);
    await q.query('DROP TABLE login_throttles');
  }
}
