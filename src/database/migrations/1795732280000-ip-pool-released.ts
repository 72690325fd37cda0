import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Addresses of a pool that were taken and given back (an assignment removed, a hold run out):
 * "next free" takes the lowest of these first, in one indexed read, and otherwise the pool's
 * `free_from`, above which no address was ever handed out but the few given by hand. Together they
 * answer without stepping over the addresses in use, however the pool was filled and emptied.
 */
export class IpPoolReleased1795732280000 implements MigrationInterface {
  name = 'IpPoolReleased1795732280000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ip_pool_released (
      pool_id INT UNSIGNED NOT NULL,
      address DECIMAL(39,0) NOT NULL,
      PRIMARY KEY (pool_id, address),
      CONSTRAINT fk_ip_pool_released_pool FOREIGN KEY (pool_id) REFERENCES ip_pools (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ip_pool_released');
  }
}
