import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each comparison of the network servers with Backhaul's tables, and what it repaired: asked for by
 * staff, or run each night (one per night, so a retried night does not run it twice).
 */
export class NetworkReconciliations1795732270000 implements MigrationInterface {
  name = 'NetworkReconciliations1795732270000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE network_reconciliations (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      night_of DATE NULL,
      requested_by_user_id INT UNSIGNED NULL,
      status ENUM('running','completed','failed') NOT NULL DEFAULT 'running',
      started_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      finished_at DATETIME(3) NULL,
      repairs INT UNSIGNED NOT NULL DEFAULT 0,
      report JSON NULL,
      UNIQUE KEY ux_network_reconciliations_night (night_of),
      CONSTRAINT fk_network_reconciliations_user FOREIGN KEY (requested_by_user_id) REFERENCES staff_users (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE network_reconciliations');
  }
}
