import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Permission } from '../../src/auth/permission';
import type { AppConfig } from '../../src/config/app-config';
import type { ElevationGrid } from '../../src/elevation/elevation-grid';
import { geoTiffFromGrid } from '../../src/elevation/geotiff-tile';
import { createTestApp, type TestApp } from '../support/test-app';

export interface ElevationWorld {
  sut: TestApp;
  /** A user holding network.read and network.configure, and nothing about accounts beyond reading them. */
  token: string;
  close: () => Promise<void>;
}

/**
 * The app with a storage folder of its own, so the tiles on disk can be counted without the suites
 * beside it. Suites share one database, so each one puts its terrain somewhere on the map no other
 * suite uses: a tile uploaded by one never covers another's paths.
 */
export async function elevationWorld(overrides: Partial<Record<keyof AppConfig, string>> = {}): Promise<ElevationWorld> {
  const sut = await createTestApp({ STORAGE_DIR: join(process.env.TEST_SCRATCH_DIR!, `storage-${randomUUID()}`), ...overrides });
  const { token } = await sut.userWith([Permission.NetworkRead, Permission.NetworkConfigure, Permission.AccountsRead]);
  return { sut, token, close: () => sut.close() };
}

type Method = 'get' | 'post' | 'patch' | 'delete';

export function call(w: ElevationWorld, method: Method, path: string, body?: object, token = w.token) {
  const req = w.sut.http()[method](path).auth(token, { type: 'bearer' });
  return body === undefined ? req : req.send(body);
}

/** POST /api/elevation-tiles as the panel sends it: the kind first, then the file. */
export function uploadTile(
  w: ElevationWorld,
  kind: string,
  bytes: ArrayBuffer | Buffer,
  name = `tile-${randomUUID().slice(0, 8)}.tif`,
  token = w.token,
) {
  return w.sut
    .http()
    .post('/api/elevation-tiles')
    .auth(token, { type: 'bearer' })
    .field('kind', kind)
    .attach('file', Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes), { filename: name, contentType: 'image/tiff' });
}

/** Uploads a grid as a GeoTIFF tile and returns the tile's id. */
export async function tileOf(w: ElevationWorld, kind: 'dem' | 'clutter', grid: ElevationGrid): Promise<number> {
  const res = await uploadTile(w, kind, geoTiffFromGrid(grid)).expect(201);
  return res.body.id as number;
}

/** A site with the given position and radio; a unique name. */
export async function site(
  w: ElevationWorld,
  body: { latitude: number; longitude: number; antennaHeightsM: number[]; frequenciesMhz?: number[]; groundElevationM?: number | null },
): Promise<{ id: number; name: string; revision: number }> {
  const res = await call(w, 'post', '/api/network-sites', {
    name: `Site ${randomUUID().slice(0, 8)}`,
    frequenciesMhz: [5800],
    ...body,
  }).expect(201);
  return res.body;
}

/** An account whose service address is at the given point (or has no coordinates). */
export async function accountAt(sut: TestApp, at: { lat: number; lon: number } | null): Promise<number> {
  const suffix = randomUUID();
  const type = await sut.db.query('INSERT INTO account_types (name) VALUES (?)', [`Type ${suffix}`]);
  const status = await sut.db.query('INSERT INTO account_statuses (name) VALUES (?)', [`Status ${suffix}`]);
  const account = await sut.db.query(
    `INSERT INTO accounts (name, account_type_id, account_status_id, service_line1, service_city, service_region, service_postcode,
       service_country, service_latitude, service_longitude)
     VALUES (?, ?, ?, '1 Ridge Rd', 'Hilltown', 'IL', '62701', 'US', ?, ?)`,
    [`Elevation ${suffix.slice(0, 8)}`, type.insertId, status.insertId, at?.lat.toFixed(6) ?? null, at?.lon.toFixed(6) ?? null],
  );
  return Number(account.insertId);
}

export function profilePath(accountId: number, query: Record<string, number>): string {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  return `/api/accounts/${accountId}/elevation-profile?${params.toString()}`;
}

/** The tile files on disk. */
export async function storedTiles(sut: TestApp): Promise<string[]> {
  try {
    return (await readdir(join(sut.config.STORAGE_DIR, 'elevation-tiles'))).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

export async function cachedProfiles(sut: TestApp, siteId: number): Promise<number> {
  const [row] = await sut.db.query('SELECT COUNT(*) AS n FROM elevation_profile_cache WHERE site_id = ?', [siteId]);
  return Number(row.n);
}
