import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** The two permissions that start and see nightly processes, given to the roles that may already configure billing. */
const NIGHTLY_PERMISSIONS = ['nightly.read', 'nightly.run'];

/**
 * One row per nightly process and date: the whole night (bill run, delinquency,
 * automatic period close) or delinquency alone. The newest completed night is
 * where the next night starts catching up missed dates from.
 */
export class NightlyRuns1795732100000 implements MigrationInterface {
  name = 'NightlyRuns1795732100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE nightly_runs (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      step ENUM('nightly','delinquency') NOT NULL,
      run_date DATE NOT NULL,
      workflow_id VARCHAR(200) NOT NULL,
      status ENUM('running','completed','failed') NOT NULL DEFAULT 'running',
      started_by INT UNSIGNED NULL,
      caught_up_by DATE NULL,
      summary JSON NULL,
      started_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      finished_at DATETIME(3) NULL,
      UNIQUE KEY uq_nightly_runs_step_date (step, run_date),
      KEY ix_nightly_runs_completed (step, status, run_date)
    ) ${TABLE_OPTIONS}`);
    // Roles are sets of permissions chosen by people; whoever may configure billing and close periods runs the nights.
    for (const permission of NIGHTLY_PERMISSIONS) {
      await q.query(
        `INSERT IGNORE INTO role_permissions (role_id, permission)
         SELECT role_id, ? FROM role_permissions WHERE permission = 'billing.configure'`,
        [permission],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM role_permissions WHERE permission IN (${NIGHTLY_PERMISSIONS.map(() => '?').join(', ')})`,
      NIGHTLY_PERMISSIONS,
    );
    await q.query('DROP TABLE nightly_runs');
  }
}
