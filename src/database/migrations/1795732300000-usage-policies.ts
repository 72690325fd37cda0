import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Usage-based billing. A policy, attached to data services, sets the period's cap (in octets,
 * from decimal GB), the hours that count as free, what happens at the cap (overage charged per
 * started block at the period's end, or a slower profile until it ends), top-offs and rollover.
 *
 * A closed period is settled once: its settlement row, unique per account and period start, holds
 * the figures it was charged on and the overage charge it wrote, and the rollover it earned and
 * drew. Hand edits of a period and top-offs are rows of their own, never changes to counted usage.
 */
export class UsagePolicies1795732300000 implements MigrationInterface {
  name = 'UsagePolicies1795732300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE usage_policies (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(120) NOT NULL,
      -- NULL: no cap, usage is only recorded.
      cap_octets BIGINT UNSIGNED NULL,
      at_cap ENUM('overage','slow') NOT NULL DEFAULT 'overage',
      overage_service_id INT UNSIGNED NULL,
      overage_block_octets BIGINT UNSIGNED NULL,
      slow_download_kbps INT UNSIGNED NULL,
      slow_upload_kbps INT UNSIGNED NULL,
      top_offs_allowed TINYINT(1) NOT NULL DEFAULT 0,
      top_off_octets BIGINT UNSIGNED NULL,
      top_off_service_id INT UNSIGNED NULL,
      rollover TINYINT(1) NOT NULL DEFAULT 0,
      rollover_expiry_months TINYINT UNSIGNED NULL,
      -- Bit h set when the hour from h:00 local time is free: the windows below, in the form SQL tests.
      free_hour_mask INT UNSIGNED NOT NULL DEFAULT 0,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_usage_policies_name (name),
      CONSTRAINT fk_usage_policies_overage_service FOREIGN KEY (overage_service_id) REFERENCES services (id),
      CONSTRAINT fk_usage_policies_top_off_service FOREIGN KEY (top_off_service_id) REFERENCES services (id)
    ) ${TABLE_OPTIONS}`);
    // Whole hours of the instance's time zone; a window whose end is not after its start runs past midnight.
    await q.query(`CREATE TABLE usage_policy_free_windows (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      policy_id INT UNSIGNED NOT NULL,
      start_hour TINYINT UNSIGNED NOT NULL,
      end_hour TINYINT UNSIGNED NOT NULL,
      KEY ix_usage_policy_free_windows_policy (policy_id),
      CONSTRAINT fk_usage_policy_free_windows_policy FOREIGN KEY (policy_id) REFERENCES usage_policies (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);
    await q.query(`ALTER TABLE services ADD COLUMN usage_policy_id INT UNSIGNED NULL AFTER upload_kbps,
      ADD CONSTRAINT fk_services_usage_policy FOREIGN KEY (usage_policy_id) REFERENCES usage_policies (id)`);

    // Signed differences a clerk added to a period's measured figures; their sum is the period's correction.
    await q.query(`CREATE TABLE usage_adjustments (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id INT UNSIGNED NOT NULL,
      period_start DATETIME NOT NULL,
      billable_upload_octets BIGINT NOT NULL DEFAULT 0,
      billable_download_octets BIGINT NOT NULL DEFAULT 0,
      free_upload_octets BIGINT NOT NULL DEFAULT 0,
      free_download_octets BIGINT NOT NULL DEFAULT 0,
      reason VARCHAR(255) NOT NULL,
      created_by INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY ix_usage_adjustments_period (account_id, period_start),
      CONSTRAINT fk_usage_adjustments_account FOREIGN KEY (account_id) REFERENCES accounts (id)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE usage_top_offs (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id INT UNSIGNED NOT NULL,
      period_start DATETIME NOT NULL,
      policy_id INT UNSIGNED NOT NULL,
      octets BIGINT UNSIGNED NOT NULL,
      transaction_id BIGINT UNSIGNED NOT NULL,
      created_by INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      KEY ix_usage_top_offs_period (account_id, period_start),
      UNIQUE KEY uq_usage_top_offs_transaction (transaction_id),
      CONSTRAINT fk_usage_top_offs_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_usage_top_offs_policy FOREIGN KEY (policy_id) REFERENCES usage_policies (id),
      CONSTRAINT fk_usage_top_offs_transaction FOREIGN KEY (transaction_id) REFERENCES transactions (id)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE usage_settlements (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id INT UNSIGNED NOT NULL,
      period_start DATETIME NOT NULL,
      period_end DATETIME NOT NULL,
      policy_id INT UNSIGNED NOT NULL,
      billing_date DATE NOT NULL,
      billable_octets BIGINT UNSIGNED NOT NULL,
      free_octets BIGINT UNSIGNED NOT NULL,
      cap_octets BIGINT UNSIGNED NULL,
      top_off_octets BIGINT UNSIGNED NOT NULL DEFAULT 0,
      rollover_used_octets BIGINT UNSIGNED NOT NULL DEFAULT 0,
      -- Which earlier settlements' rollover was drawn, oldest first: [{ settlementId, octets }].
      rollover_draws JSON NOT NULL,
      rollover_earned_octets BIGINT UNSIGNED NOT NULL DEFAULT 0,
      rollover_expires_at DATETIME NULL,
      overage_octets BIGINT UNSIGNED NOT NULL DEFAULT 0,
      overage_blocks INT UNSIGNED NOT NULL DEFAULT 0,
      overage_transaction_id BIGINT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_usage_settlements_period (account_id, period_start),
      UNIQUE KEY uq_usage_settlements_overage (overage_transaction_id),
      CONSTRAINT fk_usage_settlements_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_usage_settlements_policy FOREIGN KEY (policy_id) REFERENCES usage_policies (id),
      CONSTRAINT fk_usage_settlements_transaction FOREIGN KEY (overage_transaction_id) REFERENCES transactions (id)
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE usage_settlements');
    await q.query('DROP TABLE usage_top_offs');
    await q.query('DROP TABLE usage_adjustments');
    await q.query('ALTER TABLE services DROP FOREIGN KEY fk_services_usage_policy, DROP COLUMN usage_policy_id');
    await q.query('DROP TABLE usage_policy_free_windows');
    await q.query('DROP TABLE usage_policies');
  }
}
