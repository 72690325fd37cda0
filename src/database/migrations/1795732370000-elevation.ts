import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const TIMESTAMPS = `created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)`;

/**
 * Elevation profiles: the operator's network sites, the terrain and clutter tiles the profiles are
 * drawn from, and the profiles already worked out.
 *
 * - A site's antenna heights and frequency bands are short lists of numbers, kept as JSON arrays;
 *   nothing queries inside them. `revision` counts every change to a site, and is part of a cached
 *   profile's key.
 * - A tile's bytes are a file under STORAGE_DIR/elevation-tiles (the key in storage_key); the row
 *   holds what was read from it: its kind, bounds, cell size and no-data value. Tiles are never
 *   edited, only uploaded and deleted; one file is kept once per kind (sha256).
 * - A cached profile is found by a hash of everything it was computed from: the address's
 *   coordinates, the site and its revision, the chosen antenna heights and frequency, and the tiles
 *   that covered the path. Its bounding box lets a new or deleted tile clear the profiles it touches;
 *   a site's own are removed with it.
 */
export class Elevation1795732370000 implements MigrationInterface {
  name = 'Elevation1795732370000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE network_sites (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      name VARCHAR(100) NOT NULL,
      latitude DECIMAL(9,6) NOT NULL,
      longitude DECIMAL(9,6) NOT NULL,
      ground_elevation_m DECIMAL(7,2) NULL,
      antenna_heights_m JSON NOT NULL,
      frequencies_mhz JSON NOT NULL,
      description VARCHAR(255) NULL,
      revision INT UNSIGNED NOT NULL DEFAULT 1,
      ${TIMESTAMPS},
      UNIQUE KEY uq_network_sites_name (name),
      CONSTRAINT ck_network_sites_latitude CHECK (latitude BETWEEN -90 AND 90),
      CONSTRAINT ck_network_sites_longitude CHECK (longitude BETWEEN -180 AND 180),
      CONSTRAINT ck_network_sites_ground CHECK (ground_elevation_m IS NULL OR ground_elevation_m BETWEEN -500 AND 9000),
      CONSTRAINT ck_network_sites_antennas CHECK (JSON_VALID(antenna_heights_m) AND JSON_LENGTH(antenna_heights_m) >= 1),
      CONSTRAINT ck_network_sites_bands CHECK (JSON_VALID(frequencies_mhz) AND JSON_LENGTH(frequencies_mhz) >= 1)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE elevation_tiles (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      kind ENUM('dem','clutter') NOT NULL,
      name VARCHAR(255) NOT NULL,
      storage_key CHAR(36) NOT NULL,
      size_bytes BIGINT UNSIGNED NOT NULL,
      sha256 CHAR(64) NOT NULL,
      west_lon DOUBLE NOT NULL,
      east_lon DOUBLE NOT NULL,
      south_lat DOUBLE NOT NULL,
      north_lat DOUBLE NOT NULL,
      pixel_width_deg DOUBLE NOT NULL,
      pixel_height_deg DOUBLE NOT NULL,
      width INT UNSIGNED NOT NULL,
      height INT UNSIGNED NOT NULL,
      no_data VARCHAR(40) NULL,
      sample_type VARCHAR(20) NOT NULL,
      uploaded_by_user_id INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_elevation_tiles_storage_key (storage_key),
      UNIQUE KEY uq_elevation_tiles_content (kind, sha256),
      KEY ix_elevation_tiles_bounds (kind, south_lat, north_lat),
      CONSTRAINT fk_elevation_tiles_uploader FOREIGN KEY (uploaded_by_user_id) REFERENCES staff_users (id),
      CONSTRAINT ck_elevation_tiles_bounds CHECK (west_lon < east_lon AND south_lat < north_lat)
    ) ${TABLE_OPTIONS}`);

    await q.query(`CREATE TABLE elevation_profile_cache (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      cache_key CHAR(64) NOT NULL,
      site_id INT UNSIGNED NOT NULL,
      south_lat DOUBLE NOT NULL,
      north_lat DOUBLE NOT NULL,
      west_lon DOUBLE NOT NULL,
      east_lon DOUBLE NOT NULL,
      profile LONGBLOB NOT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      UNIQUE KEY uq_elevation_profile_cache_key (cache_key),
      KEY ix_elevation_profile_cache_site (site_id),
      CONSTRAINT fk_elevation_profile_cache_site FOREIGN KEY (site_id) REFERENCES network_sites (id) ON DELETE CASCADE
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE elevation_profile_cache');
    await q.query('DROP TABLE elevation_tiles');
    await q.query('DROP TABLE network_sites');
  }
}
