import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each new permission goes to the roles that hold the account permission it sits beside. */
const GRANTS: [permission: string, grantedWith: string][] = [
  ['network.read', 'accounts.read'],
  ['network.manage', 'accounts.manage'],
  ['network.configure', 'accounts.configure'],
];

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const TIMESTAMPS = `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;
/** Addresses as unsigned integers: 2^128 has 39 digits, and a decimal orders and adds exactly (common/ip-address.ts). */
const ADDRESS = 'DECIMAL(39,0)';

/**
 * IP address management, RADIUS accounts and NAS devices, and the outbox of network changes.
 *
 * Supernets hold subnets, subnets hold pools; none of them overlaps another of its kind (the
 * service checks under a lock on the parent, since SQL cannot say "ranges do not intersect").
 * An assignment is one address, or a whole subnet routed to the subscriber. Assignments are
 * never deleted: removing one stamps `removed_at`, so the table is also the history. While an
 * assignment is active its address is taken: `active_address` is the address until removal and
 * NULL after, and a unique key on it means two active assignments of one address cannot both be
 * written, whatever the application does. A hold keeps an address offered by "next free" for the
 * clerk who asked, so a second clerk asking at the same moment gets another.
 *
 * `network_sync_requests` is written in the same transaction as the change that needs the
 * network to follow (an assignment, a RADIUS account, a service), so no change is lost between
 * the database and Temporal: the provisioning workflow applies what is pending and stamps it.
 */
export class Network1795732240000 implements MigrationInterface {
  name = 'Network1795732240000';

  async up(q: QueryRunner): Promise<void> {
    // Adding a supernet locks this one row first: two clerks adding overlapping supernets at once
    // queue here, and the second sees the first's. Subnets queue on their supernet, pools on their subnet.
    await q.query(`CREATE TABLE ip_plan_lock (id TINYINT UNSIGNED NOT NULL PRIMARY KEY) ${TABLE_OPTIONS}`);
    await q.query('INSERT INTO ip_plan_lock (id) VALUES (1)');

    await q.query(`CREATE TABLE ip_supernets (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(100) NOT NULL,
      family TINYINT UNSIGNED NOT NULL,
      network VARCHAR(50) NOT NULL,
      prefix_length TINYINT UNSIGNED NOT NULL,
      first_address ${ADDRESS} NOT NULL,
      last_address ${ADDRESS} NOT NULL,
      description VARCHAR(500) NULL,
      ${TIMESTAMPS},
      UNIQUE KEY ux_ip_supernets_network (family, first_address, prefix_length),
      UNIQUE KEY ux_ip_supernets_name (name),
      CONSTRAINT ck_ip_supernets_family CHECK (family IN (4, 6)),
      CONSTRAINT ck_ip_supernets_range CHECK (first_address <= last_address)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE ip_subnets (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      supernet_id INT UNSIGNED NOT NULL,
      name VARCHAR(100) NOT NULL,
      family TINYINT UNSIGNED NOT NULL,
      network VARCHAR(50) NOT NULL,
      prefix_length TINYINT UNSIGNED NOT NULL,
      first_address ${ADDRESS} NOT NULL,
      last_address ${ADDRESS} NOT NULL,
      gateway ${ADDRESS} NULL,
      description VARCHAR(500) NULL,
      ${TIMESTAMPS},
      UNIQUE KEY ux_ip_subnets_network (family, first_address, prefix_length),
      KEY ix_ip_subnets_supernet (supernet_id, first_address),
      CONSTRAINT fk_ip_subnets_supernet FOREIGN KEY (supernet_id) REFERENCES ip_supernets (id),
      CONSTRAINT ck_ip_subnets_family CHECK (family IN (4, 6)),
      CONSTRAINT ck_ip_subnets_gateway CHECK (gateway IS NULL OR gateway BETWEEN first_address AND last_address)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE ip_pools (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      subnet_id INT UNSIGNED NOT NULL,
      name VARCHAR(100) NOT NULL,
      first_address ${ADDRESS} NOT NULL,
      last_address ${ADDRESS} NOT NULL,
      -- No address of the pool below this one is free: "next free" looks from here (ipam/next-free-address.ts).
      free_from ${ADDRESS} NOT NULL,
      description VARCHAR(500) NULL,
      ${TIMESTAMPS},
      KEY ix_ip_pools_subnet (subnet_id, first_address),
      CONSTRAINT fk_ip_pools_subnet FOREIGN KEY (subnet_id) REFERENCES ip_subnets (id),
      CONSTRAINT ck_ip_pools_range CHECK (first_address <= last_address)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE radius_accounts (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id INT UNSIGNED NOT NULL,
      username VARCHAR(64) NOT NULL,
      -- Kept as given: a RADIUS server needs it in the clear to check CHAP and MS-CHAP answers.
      -- It is written to the RADIUS server and never returned, logged or audited.
      password VARCHAR(128) NOT NULL,
      created_by_user_id INT UNSIGNED NULL,
      ${TIMESTAMPS},
      UNIQUE KEY ux_radius_accounts_username (username),
      KEY ix_radius_accounts_account (account_id),
      CONSTRAINT fk_radius_accounts_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_radius_accounts_created_by FOREIGN KEY (created_by_user_id) REFERENCES staff_users (id)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE nas_devices (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(100) NOT NULL,
      address VARCHAR(50) NOT NULL,
      secret VARCHAR(128) NOT NULL,
      nas_type VARCHAR(30) NOT NULL DEFAULT 'other',
      coa_port SMALLINT UNSIGNED NOT NULL DEFAULT 3799,
      disconnect_to_limit TINYINT(1) NOT NULL DEFAULT 0,
      description VARCHAR(200) NULL,
      ${TIMESTAMPS},
      UNIQUE KEY ux_nas_devices_address (address),
      UNIQUE KEY ux_nas_devices_name (name)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE ip_assignments (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id INT UNSIGNED NOT NULL,
      subnet_id INT UNSIGNED NOT NULL,
      pool_id INT UNSIGNED NULL,
      family TINYINT UNSIGNED NOT NULL,
      address ${ADDRESS} NOT NULL,
      prefix_length TINYINT UNSIGNED NOT NULL,
      covers ENUM('address','subnet') NOT NULL,
      assignee ENUM('account','radius_account','inventory_mac','uninventoried_mac') NOT NULL,
      radius_account_id INT UNSIGNED NULL,
      inventory_mac_id INT UNSIGNED NULL,
      uninventoried_mac_id INT UNSIGNED NULL,
      soft TINYINT(1) NOT NULL DEFAULT 0,
      description VARCHAR(200) NULL,
      assigned_at DATETIME(3) NOT NULL,
      assigned_by_user_id INT UNSIGNED NULL,
      removed_at DATETIME(3) NULL,
      removed_by_user_id INT UNSIGNED NULL,
      active_address ${ADDRESS} AS (IF(removed_at IS NULL, address, NULL)) STORED,
      UNIQUE KEY ux_ip_assignments_active (family, active_address),
      KEY ix_ip_assignments_subnet (subnet_id, active_address),
      KEY ix_ip_assignments_account (account_id, removed_at),
      KEY ix_ip_assignments_radius (radius_account_id, removed_at),
      CONSTRAINT fk_ip_assignments_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_ip_assignments_subnet FOREIGN KEY (subnet_id) REFERENCES ip_subnets (id),
      CONSTRAINT fk_ip_assignments_pool FOREIGN KEY (pool_id) REFERENCES ip_pools (id),
      CONSTRAINT fk_ip_assignments_radius FOREIGN KEY (radius_account_id) REFERENCES radius_accounts (id),
      CONSTRAINT fk_ip_assignments_assigned_by FOREIGN KEY (assigned_by_user_id) REFERENCES staff_users (id),
      CONSTRAINT fk_ip_assignments_removed_by FOREIGN KEY (removed_by_user_id) REFERENCES staff_users (id),
      CONSTRAINT ck_ip_assignments_assignee CHECK (
        (assignee = 'radius_account') = (radius_account_id IS NOT NULL)
        AND (assignee = 'inventory_mac') = (inventory_mac_id IS NOT NULL)
        AND (assignee = 'uninventoried_mac') = (uninventoried_mac_id IS NOT NULL)),
      CONSTRAINT ck_ip_assignments_removed CHECK ((removed_at IS NULL) OR (removed_at >= assigned_at))
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE ip_address_holds (
      family TINYINT UNSIGNED NOT NULL,
      address ${ADDRESS} NOT NULL,
      pool_id INT UNSIGNED NOT NULL,
      held_by_user_id INT UNSIGNED NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      PRIMARY KEY (family, address),
      KEY ix_ip_address_holds_pool (pool_id, address),
      CONSTRAINT fk_ip_address_holds_pool FOREIGN KEY (pool_id) REFERENCES ip_pools (id) ON DELETE CASCADE,
      CONSTRAINT fk_ip_address_holds_user FOREIGN KEY (held_by_user_id) REFERENCES staff_users (id)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE network_sync_requests (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id INT UNSIGNED NOT NULL,
      reason VARCHAR(100) NOT NULL,
      -- A RADIUS username the change touched, so one that is gone from the database is removed from the server too.
      radius_username VARCHAR(64) NULL,
      requested_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      applied_at DATETIME(3) NULL,
      KEY ix_network_sync_requests_pending (account_id, applied_at),
      KEY ix_network_sync_requests_unapplied (applied_at, requested_at),
      CONSTRAINT fk_network_sync_requests_account FOREIGN KEY (account_id) REFERENCES accounts (id)
    ) ${TABLE_OPTIONS}`);

    for (const [permission, grantedWith] of GRANTS) {
      await q.query(
        `INSERT IGNORE INTO role_permissions (role_id, permission) SELECT role_id, ? FROM role_permissions WHERE permission = ?`,
        [permission, grantedWith],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM role_permissions WHERE permission IN (?)', [GRANTS.map(([permission]) => permission)]);
    for (const table of [
      'network_sync_requests',
      'ip_address_holds',
      'ip_assignments',
      'nas_devices',
      'radius_accounts',
      'ip_pools',
      'ip_subnets',
      'ip_supernets',
      'ip_plan_lock',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
