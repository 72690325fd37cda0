import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { BadInputException, ConflictException, DomainException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { likeContains } from '../common/sql-like';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import { receiveUpload } from '../files/multipart-upload';
import { ElevationTileFilterDto, ElevationTileResponseDto, ElevationTileSortField, TILE_KINDS, TileKind } from './dto/elevation-tile.dto';
import { ElevationTileRejected } from './elevation.errors';
import { ElevationErrorCode } from './elevation.error-codes';
import { ElevationGrid } from './elevation-grid';
import { METRES_PER_DEGREE } from './geodesy';
import { elevationGridFromGeoTiff } from './geotiff-grid';
import { GeoBounds, gridBounds } from './terrain-mosaic';
import { ElevationTileStorage } from './tile-storage';

/**
 * The largest tile file taken. A 1° Copernicus GLO-30 tile is about 50 MB uncompressed, an SRTM 1″
 * tile 26 MB; twice the larger leaves room for other products without holding a runaway upload.
 */
export const ELEVATION_TILE_MAX_BYTES = 128 * 1024 * 1024;

const COLUMNS = `t.*, u.name AS uploaded_by_name`;
const FROM = 'elevation_tiles t LEFT JOIN staff_users u ON u.id = t.uploaded_by_user_id';
const SORT: Record<ElevationTileSortField, string> = { createdAt: 't.created_at', name: 't.name', id: 't.id', kind: 't.kind' };

/** A tile row as the profiles need it: where it lies and where its bytes are. */
export interface StoredTile {
  id: number;
  kind: TileKind;
  name: string;
  storageKey: string;
  bounds: GeoBounds;
  pixelHeightDeg: number;
}

function toResponse(r: Record<string, unknown>): ElevationTileResponseDto {
  const pixelHeightDeg = Number(r.pixel_height_deg);
  return {
    id: Number(r.id),
    kind: r.kind as TileKind,
    name: r.name as string,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256 as string,
    westLon: Number(r.west_lon),
    eastLon: Number(r.east_lon),
    southLat: Number(r.south_lat),
    northLat: Number(r.north_lat),
    pixelWidthDeg: Number(r.pixel_width_deg),
    pixelHeightDeg,
    width: Number(r.width),
    height: Number(r.height),
    resolutionM: Math.round(pixelHeightDeg * METRES_PER_DEGREE * 100) / 100,
    noData: (r.no_data as string | null) ?? null,
    sampleType: r.sample_type as string,
    uploadedByUserId: r.uploaded_by_user_id === null ? null : Number(r.uploaded_by_user_id),
    uploadedByName: (r.uploaded_by_name as string | null) ?? null,
    createdAt: (r.created_at as Date).toISOString(),
  };
}

function sampleType(grid: ElevationGrid): string {
  return grid.samples.constructor.name.replace(/Array$/, '').toLowerCase();
}

function noDataText(grid: ElevationGrid): string | null {
  if (grid.noData === null) return null;
  return Number.isNaN(grid.noData) ? 'nan' : String(grid.noData);
}

/** A file refused as a tile: 400, naming the reason as the rule on the file field. */
function rejected(reason: string, message: string): DomainException {
  return new DomainException(ElevationErrorCode.TileRejected, message, [{ field: 'file', rule: reason, message }]);
}

/**
 * The terrain and clutter tiles profiles are drawn from: uploaded GeoTIFFs, checked and read before
 * they are kept, listed, and deleted. Adding or removing a tile drops the cached profiles whose path
 * it touches.
 */
@Injectable()
export class ElevationTilesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly storage: ElevationTileStorage,
  ) {}

  async list(query: ListQuery<ElevationTileFilterDto, ElevationTileSortField>): Promise<ListResult<ElevationTileResponseDto>> {
    const where = ['1 = 1'];
    const params: unknown[] = [];
    if (query.filter.q?.trim()) {
      where.push('t.name LIKE ?');
      params.push(likeContains(query.filter.q.trim()));
    }
    if (query.filter.kind) {
      where.push('t.kind = ?');
      params.push(query.filter.kind);
    }
    if (query.filter.id?.length) {
      where.push('t.id IN (?)');
      params.push(query.filter.id);
    }
    const clause = where.join(' AND ');
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM elevation_tiles t WHERE ${clause}`, params);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${clause} ORDER BY ${SORT[query.sort.field]} ${query.sort.order}, t.id ${query.sort.order}
        LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    return new ListResult('elevation-tiles', rows.map(toResponse), Number(n), query.offset);
  }

  async get(id: number, em: EntityManager = this.db.manager): Promise<ElevationTileResponseDto> {
    const [row]: Record<string, unknown>[] = await em.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE t.id = ?`, [id]);
    if (!row) throw new NotFoundException('Elevation tile', id);
    return toResponse(row);
  }

  /**
   * Called from the route handler, after the guards, so nothing is stored for a caller without the
   * permission. The kind must come before the file. The file is read whole before a row is written:
   * one that is not a usable tile is deleted again and refused with the reason.
   */
  async upload(req: Request, uploader: AuthenticatedUser): Promise<ElevationTileResponseDto> {
    await this.storage.ensureDir();
    const upload = await receiveUpload(req, {
      dir: this.storage.dir,
      maxBytes: ELEVATION_TILE_MAX_BYTES,
      fileField: 'file',
      beforeFile: async (fields) => {
        parseKind(fields.kind);
      },
    });
    return this.keepStored(parseKind(upload.fields.kind), upload.name, upload.storageKey, uploader.id);
  }

  /** Keeps bytes made on the server (the demo's terrain) as a tile, with the same checks as an upload. */
  async add(kind: TileKind, name: string, bytes: ArrayBuffer | Uint8Array, uploaderId: number | null): Promise<ElevationTileResponseDto> {
    const storageKey = await this.storage.write(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
    return this.keepStored(kind, name, storageKey, uploaderId);
  }

  async delete(id: number): Promise<ElevationTileResponseDto> {
    const removed = await transactionWithRetry(this.db, async (em) => {
      const [row]: { storage_key: string }[] = await em.query('SELECT storage_key FROM elevation_tiles WHERE id = ? FOR UPDATE', [id]);
      if (!row) throw new NotFoundException('Elevation tile', id);
      const before = await this.get(id, em);
      await em.query('DELETE FROM elevation_tiles WHERE id = ?', [id]);
      await this.dropCachedProfiles(em, { west: before.westLon, east: before.eastLon, south: before.southLat, north: before.northLat });
      await this.audit.recordAction(em, {
        action: 'elevation_tile.delete',
        entityType: 'elevation_tile',
        entityId: id,
        before: { ...before },
        after: null,
      });
      return { before, storageKey: row.storage_key };
    });
    this.storage.forget(id);
    await this.storage.remove(removed.storageKey);
    return removed.before;
  }

  /** The tiles of a kind whose box meets the given one, best first: the finest cells, then the newest. */
  async covering(kind: TileKind, box: GeoBounds): Promise<StoredTile[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT id, kind, name, storage_key, west_lon, east_lon, south_lat, north_lat, pixel_height_deg FROM elevation_tiles
        WHERE kind = ? AND north_lat >= ? AND south_lat <= ? AND east_lon >= ? AND west_lon <= ?
        ORDER BY pixel_height_deg, id DESC`,
      [kind, box.south, box.north, box.west, box.east],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind as TileKind,
      name: r.name as string,
      storageKey: r.storage_key as string,
      bounds: { west: Number(r.west_lon), east: Number(r.east_lon), south: Number(r.south_lat), north: Number(r.north_lat) },
      pixelHeightDeg: Number(r.pixel_height_deg),
    }));
  }

  grid(tile: StoredTile): Promise<ElevationGrid> {
    return this.storage.grid(tile);
  }

  /** Reads the stored file as a tile and records it; on any refusal the file goes again. */
  private async keepStored(kind: TileKind, name: string, storageKey: string, uploaderId: number | null): Promise<ElevationTileResponseDto> {
    try {
      const bytes = await this.storage.read(storageKey);
      const grid = await this.readTile(bytes);
      const bounds = gridBounds(grid);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const tile = await transactionWithRetry(this.db, async (em) => {
        let id: number;
        try {
          const res: { insertId: number } = await em.query(
            `INSERT INTO elevation_tiles (kind, name, storage_key, size_bytes, sha256, west_lon, east_lon, south_lat, north_lat,
               pixel_width_deg, pixel_height_deg, width, height, no_data, sample_type, uploaded_by_user_id)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [
              kind,
              name.slice(0, 255),
              storageKey,
              bytes.length,
              sha256,
              bounds.west,
              bounds.east,
              bounds.south,
              bounds.north,
              grid.pixelWidthDeg,
              grid.pixelHeightDeg,
              grid.width,
              grid.height,
              noDataText(grid),
              sampleType(grid),
              uploaderId,
            ],
          );
          id = Number(res.insertId);
        } catch (err) {
          if (isDuplicateKey(err, 'uq_elevation_tiles_content')) throw await this.duplicate(em, kind, sha256);
          throw err;
        }
        await this.dropCachedProfiles(em, bounds);
        const after = await this.get(id, em);
        await this.audit.recordAction(em, {
          action: 'elevation_tile.create',
          entityType: 'elevation_tile',
          entityId: id,
          before: null,
          after: { ...after },
        });
        return { after, grid };
      });
      this.storage.keep(tile.after.id, tile.grid);
      return tile.after;
    } catch (err) {
      await this.storage.remove(storageKey);
      throw err;
    }
  }

  private async readTile(bytes: Uint8Array): Promise<ElevationGrid> {
    let grid: ElevationGrid;
    try {
      grid = await elevationGridFromGeoTiff(bytes);
    } catch (err) {
      if (err instanceof ElevationTileRejected) throw rejected(err.reason, err.message);
      throw err;
    }
    const b = gridBounds(grid);
    if (!(b.west >= -180 && b.east <= 180 && b.south >= -90 && b.north <= 90)) {
      throw rejected(
        'outside-the-earth',
        `The tile reaches ${b.south.toFixed(3)}…${b.north.toFixed(3)}° N, ${b.west.toFixed(3)}…${b.east.toFixed(3)}° E, beyond latitude and longitude; its coordinates are not degrees.`,
      );
    }
    return grid;
  }

  private async duplicate(em: EntityManager, kind: TileKind, sha256: string): Promise<ConflictException> {
    const [row]: { id: number }[] = await em.query('SELECT id FROM elevation_tiles WHERE kind = ? AND sha256 = ?', [kind, sha256]);
    const which = row ? ` as tile ${row.id}` : '';
    return new ConflictException(ElevationErrorCode.TileDuplicate, `This file was uploaded already${which}.`, [
      { field: 'file', rule: 'unique', message: `the same ${kind} file is kept already${which}` },
    ]);
  }

  /** Cached profiles whose path's box meets the tile: the tiles they were read from are no longer the ones that cover it. */
  private async dropCachedProfiles(em: EntityManager, box: GeoBounds): Promise<void> {
    await em.query('DELETE FROM elevation_profile_cache WHERE north_lat >= ? AND south_lat <= ? AND east_lon >= ? AND west_lon <= ?', [
      box.south,
      box.north,
      box.west,
      box.east,
    ]);
  }
}

/** The upload's kind field, before and after the file. */
function parseKind(value: string | undefined): TileKind {
  if (value !== undefined && (TILE_KINDS as readonly string[]).includes(value)) return value as TileKind;
  throw new BadInputException([
    {
      field: 'kind',
      rule: 'isIn',
      message: `kind must be one of ${TILE_KINDS.join(', ')}, sent before the file${value === undefined ? '' : ` (got "${value.slice(0, 40)}")`}`,
    },
  ]);
}
