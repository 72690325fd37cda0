import { Inject, Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ElevationGrid } from './elevation-grid';
import { elevationGridFromGeoTiff } from './geotiff-grid';

/**
 * How many bytes of decoded tiles one process keeps in memory: a 1° Copernicus tile is 52 MB of
 * 32-bit heights, an SRTM one 26 MB, so a handful of tiles around the operator's area stay warm.
 */
const DECODED_BYTES_KEPT = 256 * 1024 * 1024;

/**
 * The tiles' bytes, on disk under `<STORAGE_DIR>/elevation-tiles/<uuid>` like the account files,
 * and the tiles decoded from them, kept in memory by tile id. A tile is never changed once stored
 * (a new file is a new tile), so a decoded copy stays right until the tile is deleted.
 */
@Injectable()
export class ElevationTileStorage {
  readonly dir: string;
  private readonly decoded = new Map<number, ElevationGrid>();
  private decodedBytes = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectPinoLogger(ElevationTileStorage.name) private readonly logger: PinoLogger,
  ) {
    this.dir = resolve(config.STORAGE_DIR, 'elevation-tiles');
  }

  async ensureDir(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
  }

  pathOf(storageKey: string): string {
    return join(this.dir, storageKey);
  }

  /** Writes bytes made on the server (the demo's terrain) under a new key. */
  async write(bytes: Uint8Array): Promise<string> {
    await this.ensureDir();
    const storageKey = randomUUID();
    await writeFile(this.pathOf(storageKey), bytes, { flag: 'wx' });
    return storageKey;
  }

  read(storageKey: string): Promise<Buffer> {
    return readFile(this.pathOf(storageKey));
  }

  /** Removes the bytes; a failure is logged, not thrown, because the row is already gone. */
  async remove(storageKey: string): Promise<void> {
    try {
      await rm(this.pathOf(storageKey), { force: true });
    } catch (err) {
      this.logger.error({ err, storageKey }, 'Could not remove a stored elevation tile');
    }
  }

  /** The tile as a grid: decoded once, then kept while memory allows (the least recently used go first). */
  async grid(tile: { id: number; storageKey: string }): Promise<ElevationGrid> {
    const kept = this.decoded.get(tile.id);
    if (kept) {
      // Reinserted, so the map's order is the order of use.
      this.decoded.delete(tile.id);
      this.decoded.set(tile.id, kept);
      return kept;
    }
    const grid = await elevationGridFromGeoTiff(await this.read(tile.storageKey));
    this.keep(tile.id, grid);
    return grid;
  }

  /** A grid decoded elsewhere (while checking an upload), kept so the first profile need not decode it again. */
  keep(id: number, grid: ElevationGrid): void {
    this.forget(id);
    this.decoded.set(id, grid);
    this.decodedBytes += grid.samples.byteLength;
    for (const [oldest, old] of this.decoded) {
      if (this.decodedBytes <= DECODED_BYTES_KEPT || oldest === id) break;
      this.decoded.delete(oldest);
      this.decodedBytes -= old.samples.byteLength;
    }
  }

  forget(id: number): void {
    const kept = this.decoded.get(id);
    if (!kept) return;
    this.decoded.delete(id);
    this.decodedBytes -= kept.samples.byteLength;
  }
}
