import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * How much an account on a policy that slows at its cap may still use this period before it is
 * slowed, as last worked out in full. The accounting ingestion takes each batch's octets off it
 * and works the figure out again only when it runs out, instead of summing the period's hours
 * after every batch. A row is good for one period and one policy; corrections, top-offs and
 * policy edits delete the rows they make wrong.
 */
export class UsageCapHeadroom1795732320000 implements MigrationInterface {
  name = 'UsageCapHeadroom1795732320000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE usage_cap_headroom (
      account_id INT UNSIGNED NOT NULL PRIMARY KEY,
      period_start DATETIME NOT NULL,
      policy_id INT UNSIGNED NOT NULL,
      -- Allowance less billable usage, less every octet counted since (free hours included); zero or
      -- below once the account was found at its cap.
      headroom_octets BIGINT NOT NULL,
      worked_out_at DATETIME(3) NOT NULL,
      KEY ix_usage_cap_headroom_policy (policy_id),
      CONSTRAINT fk_usage_cap_headroom_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_usage_cap_headroom_policy FOREIGN KEY (policy_id) REFERENCES usage_policies (id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE usage_cap_headroom');
  }
}
