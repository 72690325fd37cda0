import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const TIMESTAMPS = `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

/**
 * Inventory (manufacturers, models with fields of their own, stock locations, items with their MAC
 * addresses), MAC addresses kept on an account without an item, and the DHCP servers that get a
 * reservation for each address assigned to a MAC.
 *
 * MAC addresses are kept as 17 characters, lower case, colon separated (`00:1a:2b:3c:4d:5e`), the
 * one form `common/mac-address.ts` writes, so equality in SQL is equality of the address. An
 * uninventoried MAC lives only as long as an address assigned to it: removing the address stamps
 * `removed_at`, and `active_mac` (NULL once removed) keeps one active row per address.
 */
export class InventoryDhcp1795732250000 implements MigrationInterface {
  name = 'InventoryDhcp1795732250000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE inventory_manufacturers (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(100) NOT NULL,
      ${TIMESTAMPS},
      UNIQUE KEY ux_inventory_manufacturers_name (name)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE inventory_models (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      manufacturer_id INT UNSIGNED NOT NULL,
      name VARCHAR(100) NOT NULL,
      mac_count TINYINT UNSIGNED NOT NULL DEFAULT 1,
      serial_required TINYINT(1) NOT NULL DEFAULT 1,
      ${TIMESTAMPS},
      UNIQUE KEY ux_inventory_models_name (manufacturer_id, name),
      CONSTRAINT fk_inventory_models_manufacturer FOREIGN KEY (manufacturer_id) REFERENCES inventory_manufacturers (id),
      CONSTRAINT ck_inventory_models_macs CHECK (mac_count <= 16)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE inventory_model_fields (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      model_id INT UNSIGNED NOT NULL,
      name VARCHAR(60) NOT NULL,
      required TINYINT(1) NOT NULL DEFAULT 0,
      position SMALLINT UNSIGNED NOT NULL DEFAULT 0,
      UNIQUE KEY ux_inventory_model_fields_name (model_id, name),
      CONSTRAINT fk_inventory_model_fields_model FOREIGN KEY (model_id) REFERENCES inventory_models (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE stock_locations (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(100) NOT NULL,
      description VARCHAR(200) NULL,
      ${TIMESTAMPS},
      UNIQUE KEY ux_stock_locations_name (name)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE inventory_items (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      model_id INT UNSIGNED NOT NULL,
      serial VARCHAR(100) NULL,
      status ENUM('in_stock','deployed','faulty','retired') NOT NULL DEFAULT 'in_stock',
      account_id INT UNSIGNED NULL,
      stock_location_id INT UNSIGNED NULL,
      notes VARCHAR(1000) NULL,
      ${TIMESTAMPS},
      UNIQUE KEY ux_inventory_items_serial (model_id, serial),
      KEY ix_inventory_items_account (account_id),
      KEY ix_inventory_items_location (stock_location_id),
      CONSTRAINT fk_inventory_items_model FOREIGN KEY (model_id) REFERENCES inventory_models (id),
      CONSTRAINT fk_inventory_items_account FOREIGN KEY (account_id) REFERENCES accounts (id),
      CONSTRAINT fk_inventory_items_location FOREIGN KEY (stock_location_id) REFERENCES stock_locations (id),
      CONSTRAINT ck_inventory_items_assignee CHECK ((account_id IS NULL) <> (stock_location_id IS NULL))
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE inventory_item_field_values (
      item_id INT UNSIGNED NOT NULL,
      field_id INT UNSIGNED NOT NULL,
      value VARCHAR(500) NOT NULL,
      PRIMARY KEY (item_id, field_id),
      CONSTRAINT fk_inventory_item_field_values_item FOREIGN KEY (item_id) REFERENCES inventory_items (id) ON DELETE CASCADE,
      CONSTRAINT fk_inventory_item_field_values_field FOREIGN KEY (field_id) REFERENCES inventory_model_fields (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE inventory_macs (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      item_id INT UNSIGNED NOT NULL,
      position TINYINT UNSIGNED NOT NULL,
      mac VARCHAR(17) NOT NULL,
      UNIQUE KEY ux_inventory_macs_mac (mac),
      UNIQUE KEY ux_inventory_macs_position (item_id, position),
      CONSTRAINT fk_inventory_macs_item FOREIGN KEY (item_id) REFERENCES inventory_items (id)
    ) ${TABLE_OPTIONS}`);

    // What a router or a clerk saw behind an item: another item of ours, or just a MAC address.
    await q.query(`CREATE TABLE inventory_connected_devices (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      item_id INT UNSIGNED NOT NULL,
      mac VARCHAR(17) NOT NULL,
      first_seen_at DATETIME(3) NOT NULL,
      last_seen_at DATETIME(3) NOT NULL,
      UNIQUE KEY ux_inventory_connected_devices (item_id, mac),
      KEY ix_inventory_connected_devices_mac (mac),
      CONSTRAINT fk_inventory_connected_devices_item FOREIGN KEY (item_id) REFERENCES inventory_items (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE uninventoried_macs (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      account_id INT UNSIGNED NOT NULL,
      mac VARCHAR(17) NOT NULL,
      description VARCHAR(200) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      removed_at DATETIME(3) NULL,
      active_mac VARCHAR(17) AS (IF(removed_at IS NULL, mac, NULL)) STORED,
      UNIQUE KEY ux_uninventoried_macs_active (active_mac),
      KEY ix_uninventoried_macs_account (account_id, removed_at),
      CONSTRAINT fk_uninventoried_macs_account FOREIGN KEY (account_id) REFERENCES accounts (id)
    ) ${TABLE_OPTIONS}`);

    await q.query(`ALTER TABLE ip_assignments
      ADD COLUMN mac VARCHAR(17) NULL AFTER uninventoried_mac_id,
      ADD KEY ix_ip_assignments_mac (mac, removed_at),
      ADD CONSTRAINT fk_ip_assignments_inventory_mac FOREIGN KEY (inventory_mac_id) REFERENCES inventory_macs (id),
      ADD CONSTRAINT fk_ip_assignments_uninventoried_mac FOREIGN KEY (uninventoried_mac_id) REFERENCES uninventoried_macs (id),
      ADD CONSTRAINT ck_ip_assignments_mac CHECK ((mac IS NULL) = (inventory_mac_id IS NULL AND uninventoried_mac_id IS NULL))`);

    await q.query(`CREATE TABLE dhcp_servers (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(100) NOT NULL,
      -- Kea's host database (its MySQL host backend); it may carry a password, so it is never returned.
      hosts_database_url VARCHAR(500) NOT NULL,
      -- Kea's control channel: a Unix socket path on the worker's machine.
      control_socket VARCHAR(200) NULL,
      -- Relay agents whose requests select the server's subnets (Kea's subnet relay.ip-addresses).
      relay_addresses VARCHAR(500) NULL,
      ${TIMESTAMPS},
      UNIQUE KEY ux_dhcp_servers_name (name)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE ip_subnet_dhcp_servers (
      subnet_id INT UNSIGNED NOT NULL,
      dhcp_server_id INT UNSIGNED NOT NULL,
      PRIMARY KEY (subnet_id, dhcp_server_id),
      KEY ix_ip_subnet_dhcp_servers_server (dhcp_server_id),
      CONSTRAINT fk_ip_subnet_dhcp_servers_subnet FOREIGN KEY (subnet_id) REFERENCES ip_subnets (id) ON DELETE CASCADE,
      CONSTRAINT fk_ip_subnet_dhcp_servers_server FOREIGN KEY (dhcp_server_id) REFERENCES dhcp_servers (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);

    await q.query(`ALTER TABLE network_sync_requests
      ADD COLUMN mac VARCHAR(17) NULL AFTER radius_username,
      ADD COLUMN dhcp_server_id INT UNSIGNED NULL AFTER mac,
      MODIFY account_id INT UNSIGNED NULL,
      ADD KEY ix_network_sync_requests_dhcp_server (dhcp_server_id, applied_at),
      ADD CONSTRAINT ck_network_sync_requests_subject CHECK ((account_id IS NULL) <> (dhcp_server_id IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM network_sync_requests WHERE account_id IS NULL');
    await q.query(`ALTER TABLE network_sync_requests DROP CONSTRAINT ck_network_sync_requests_subject, DROP KEY ix_network_sync_requests_dhcp_server,
      DROP COLUMN dhcp_server_id, DROP COLUMN mac, MODIFY account_id INT UNSIGNED NOT NULL`);
    await q.query(`ALTER TABLE ip_assignments DROP CONSTRAINT ck_ip_assignments_mac, DROP FOREIGN KEY fk_ip_assignments_uninventoried_mac,
      DROP FOREIGN KEY fk_ip_assignments_inventory_mac, DROP KEY ix_ip_assignments_mac, DROP COLUMN mac`);
    for (const table of [
      'ip_subnet_dhcp_servers',
      'dhcp_servers',
      'uninventoried_macs',
      'inventory_connected_devices',
      'inventory_macs',
      'inventory_item_field_values',
      'inventory_items',
      'stock_locations',
      'inventory_model_fields',
      'inventory_models',
      'inventory_manufacturers',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
