import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const TIMESTAMPS = `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

/** Each new permission goes to the roles that hold its accounts counterpart today. */
const JOB_PERMISSIONS: [string, string][] = [
  ['jobs.read', 'accounts.read'],
  ['jobs.write', 'accounts.manage'],
  ['jobs.configure', 'accounts.configure'],
];

/**
 * Field jobs: the types of work, the staff who can be booked, the jobs on accounts
 * and who is booked on each.
 *
 * - A job's booking is the half-open interval [starts_at, ends_at). Each technician
 *   booked on it has a job_technicians row carrying the same interval, so the overlap
 *   check for one technician reads one index range.
 * - schedule_revision counts every change to a job's booking; the reminder process
 *   acts only for the revision it was told about.
 * - A job's ticket is the tickets domain's link (ticket_links, kind 'job'), not a column here.
 */
export class Jobs1795732360000 implements MigrationInterface {
  name = 'Jobs1795732360000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE job_types (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(80) NOT NULL,
      default_duration_minutes SMALLINT UNSIGNED NOT NULL,
      color CHAR(7) NOT NULL DEFAULT '#1e88e5',
      completion_action ENUM('none','activate_account') NOT NULL DEFAULT 'none',
      activation_status_id INT UNSIGNED NULL,
      ${TIMESTAMPS},
      UNIQUE KEY uq_job_types_name (name),
      CONSTRAINT fk_job_types_activation_status FOREIGN KEY (activation_status_id) REFERENCES account_statuses (id),
      CONSTRAINT ck_job_types_duration CHECK (default_duration_minutes BETWEEN 5 AND 1440),
      CONSTRAINT ck_job_types_activation CHECK ((completion_action = 'activate_account') = (activation_status_id IS NOT NULL))
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE technicians (
      user_id INT UNSIGNED NOT NULL PRIMARY KEY,
      color CHAR(7) NOT NULL DEFAULT '#43a047',
      active TINYINT(1) NOT NULL DEFAULT 1,
      ${TIMESTAMPS},
      CONSTRAINT fk_technicians_user FOREIGN KEY (user_id) REFERENCES staff_users (id)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE job_settings (
      id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
      reminder_lead_minutes INT UNSIGNED NOT NULL DEFAULT 1440,
      ${TIMESTAMPS},
      CONSTRAINT ck_job_settings_one_row CHECK (id = 1),
      CONSTRAINT ck_job_settings_lead CHECK (reminder_lead_minutes BETWEEN 1 AND 10080)
    ) ${TABLE_OPTIONS}`);
    await q.query('INSERT INTO job_settings (id, reminder_lead_minutes) VALUES (1, 1440)');

    await q.query(`CREATE TABLE jobs (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id INT UNSIGNED NOT NULL,
      job_type_id INT UNSIGNED NOT NULL,
      status ENUM('not_scheduled','scheduled','en_route','completed','failed','cancelled') NOT NULL DEFAULT 'not_scheduled',
      duration_minutes SMALLINT UNSIGNED NOT NULL,
      starts_at DATETIME(3) NULL,
      ends_at DATETIME(3) NULL,
      notes TEXT NULL,
      status_reason VARCHAR(500) NULL,
      schedule_revision INT UNSIGNED NOT NULL DEFAULT 0,
      completed_at DATETIME(3) NULL,
      completion_result JSON NULL,
      created_by INT UNSIGNED NULL,
      ${TIMESTAMPS},
      KEY ix_jobs_account (account_id, id),
      KEY ix_jobs_status_start (status, starts_at),
      KEY ix_jobs_start (starts_at),
      CONSTRAINT fk_jobs_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_jobs_type FOREIGN KEY (job_type_id) REFERENCES job_types (id),
      CONSTRAINT fk_jobs_created_by FOREIGN KEY (created_by) REFERENCES staff_users (id),
      CONSTRAINT ck_jobs_duration CHECK (duration_minutes BETWEEN 5 AND 1440),
      CONSTRAINT ck_jobs_interval CHECK ((starts_at IS NULL) = (ends_at IS NULL) AND (starts_at IS NULL OR ends_at > starts_at)),
      CONSTRAINT ck_jobs_booked CHECK (status NOT IN ('scheduled','en_route') OR starts_at IS NOT NULL)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE job_technicians (
      job_id INT UNSIGNED NOT NULL,
      technician_user_id INT UNSIGNED NOT NULL,
      starts_at DATETIME(3) NOT NULL,
      ends_at DATETIME(3) NOT NULL,
      PRIMARY KEY (job_id, technician_user_id),
      KEY ix_job_technicians_time (technician_user_id, starts_at, ends_at),
      CONSTRAINT fk_job_technicians_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE,
      CONSTRAINT fk_job_technicians_technician FOREIGN KEY (technician_user_id) REFERENCES technicians (user_id),
      CONSTRAINT ck_job_technicians_interval CHECK (ends_at > starts_at)
    ) ${TABLE_OPTIONS}`);

    // A deleted task or file simply drops off the jobs it was attached to. Each row holds one of the two
    // (MySQL allows no CHECK on a column with a referential action, so the service keeps that rule).
    await q.query(`CREATE TABLE job_attachments (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      job_id INT UNSIGNED NOT NULL,
      task_id INT UNSIGNED NULL,
      file_id INT UNSIGNED NULL,
      created_by INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_job_attachments_task (job_id, task_id),
      UNIQUE KEY uq_job_attachments_file (job_id, file_id),
      CONSTRAINT fk_job_attachments_job FOREIGN KEY (job_id) REFERENCES jobs (id) ON DELETE CASCADE,
      CONSTRAINT fk_job_attachments_task FOREIGN KEY (task_id) REFERENCES account_tasks (id) ON DELETE CASCADE,
      CONSTRAINT fk_job_attachments_file FOREIGN KEY (file_id) REFERENCES account_files (id) ON DELETE CASCADE,
      CONSTRAINT fk_job_attachments_created_by FOREIGN KEY (created_by) REFERENCES staff_users (id)
    ) ${TABLE_OPTIONS}`);

    for (const [permission, counterpart] of JOB_PERMISSIONS) {
      await q.query(
        `INSERT IGNORE INTO role_permissions (role_id, permission) SELECT role_id, ? FROM role_permissions WHERE permission = ?`,
        [permission, counterpart],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const permissions = JOB_PERMISSIONS.map(([permission]) => permission);
    await q.query(`DELETE FROM role_permissions WHERE permission IN (${permissions.map(() => '?').join(', ')})`, permissions);
    for (const table of ['job_attachments', 'job_technicians', 'jobs', 'job_settings', 'technicians', 'job_types']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
