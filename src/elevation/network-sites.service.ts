import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { likeContains } from '../common/sql-like';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import {
  CreateNetworkSiteDto,
  NetworkSiteFilterDto,
  NetworkSiteResponseDto,
  NetworkSiteSortField,
  UpdateNetworkSiteDto,
} from './dto/network-site.dto';
import { ElevationErrorCode } from './elevation.error-codes';

const SORT: Record<NetworkSiteSortField, string> = {
  name: 'name',
  id: 'id',
  latitude: 'latitude',
  longitude: 'longitude',
  updatedAt: 'updated_at',
};

/** A JSON array column as numbers; MariaDB hands JSON over as text. */
function numbers(value: unknown): number[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.map(Number) : [];
}

function toResponse(r: Record<string, unknown>): NetworkSiteResponseDto {
  return {
    id: Number(r.id),
    name: r.name as string,
    latitude: Number(r.latitude),
    longitude: Number(r.longitude),
    groundElevationM: r.ground_elevation_m === null ? null : Number(r.ground_elevation_m),
    antennaHeightsM: numbers(r.antenna_heights_m),
    frequenciesMhz: numbers(r.frequencies_mhz),
    description: (r.description as string | null) ?? null,
    revision: Number(r.revision),
    createdAt: (r.created_at as Date).toISOString(),
    updatedAt: (r.updated_at as Date).toISOString(),
  };
}

/**
 * The operator's network sites (towers, masts, rooftops): where each stands, how high its antennas
 * are mounted and which bands it transmits on. A change to a site drops the profiles cached for it.
 */
@Injectable()
export class NetworkSitesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<NetworkSiteFilterDto, NetworkSiteSortField>): Promise<ListResult<NetworkSiteResponseDto>> {
    const where = ['1 = 1'];
    const params: unknown[] = [];
    if (query.filter.q?.trim()) {
      where.push('(name LIKE ? OR description LIKE ?)');
      const like = likeContains(query.filter.q.trim());
      params.push(like, like);
    }
    if (query.filter.id?.length) {
      where.push('id IN (?)');
      params.push(query.filter.id);
    }
    const clause = where.join(' AND ');
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM network_sites WHERE ${clause}`, params);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT * FROM network_sites WHERE ${clause} ORDER BY ${SORT[query.sort.field]} ${query.sort.order}, id ${query.sort.order}
        LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    return new ListResult('network-sites', rows.map(toResponse), Number(n), query.offset);
  }

  /** Every site, for the map of an account's surroundings. */
  async all(): Promise<NetworkSiteResponseDto[]> {
    const rows: Record<string, unknown>[] = await this.db.query('SELECT * FROM network_sites ORDER BY name, id');
    return rows.map(toResponse);
  }

  async get(id: number, em: EntityManager = this.db.manager): Promise<NetworkSiteResponseDto> {
    const [row]: Record<string, unknown>[] = await em.query('SELECT * FROM network_sites WHERE id = ?', [id]);
    if (!row) throw new NotFoundException('Network site', id);
    return toResponse(row);
  }

  async create(dto: CreateNetworkSiteDto): Promise<NetworkSiteResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      let id: number;
      try {
        const res: { insertId: number } = await em.query(
          `INSERT INTO network_sites (name, latitude, longitude, ground_elevation_m, antenna_heights_m, frequencies_mhz, description)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          [
            dto.name,
            dto.latitude,
            dto.longitude,
            dto.groundElevationM ?? null,
            JSON.stringify(dto.antennaHeightsM),
            JSON.stringify(dto.frequenciesMhz),
            dto.description?.trim() || null,
          ],
        );
        id = Number(res.insertId);
      } catch (err) {
        throw isDuplicateKey(err) ? nameTaken(dto.name) : err;
      }
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'network_site.create',
        entityType: 'network_site',
        entityId: id,
        before: null,
        after: { ...after },
      });
      return after;
    });
  }

  async update(id: number, dto: UpdateNetworkSiteDto): Promise<NetworkSiteResponseDto> {
    if (Object.values(dto).every((value) => value === undefined)) {
      throw new BadInputException([
        {
          field: 'body',
          rule: 'nothingToChange',
          message: 'give at least one of name, latitude, longitude, groundElevationM, antennaHeightsM, frequenciesMhz, description',
        },
      ]);
    }
    return transactionWithRetry(this.db, async (em) => {
      const [locked]: { id: number }[] = await em.query('SELECT id FROM network_sites WHERE id = ? FOR UPDATE', [id]);
      if (!locked) throw new NotFoundException('Network site', id);
      const before = await this.get(id, em);
      try {
        await em.query(
          `UPDATE network_sites SET name = ?, latitude = ?, longitude = ?, ground_elevation_m = ?, antenna_heights_m = ?,
             frequencies_mhz = ?, description = ?, revision = revision + 1 WHERE id = ?`,
          [
            dto.name ?? before.name,
            dto.latitude ?? before.latitude,
            dto.longitude ?? before.longitude,
            dto.groundElevationM !== undefined ? dto.groundElevationM : before.groundElevationM,
            JSON.stringify(dto.antennaHeightsM ?? before.antennaHeightsM),
            JSON.stringify(dto.frequenciesMhz ?? before.frequenciesMhz),
            dto.description !== undefined ? dto.description?.trim() || null : before.description,
            id,
          ],
        );
      } catch (err) {
        throw isDuplicateKey(err) ? nameTaken(dto.name ?? before.name) : err;
      }
      // The revision is in every cached profile's key, so none of these could be served again; they go now rather than linger.
      await em.query('DELETE FROM elevation_profile_cache WHERE site_id = ?', [id]);
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'network_site.update',
        entityType: 'network_site',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  /** The site and, by the foreign key, every profile cached for it. */
  async delete(id: number): Promise<NetworkSiteResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const [locked]: { id: number }[] = await em.query('SELECT id FROM network_sites WHERE id = ? FOR UPDATE', [id]);
      if (!locked) throw new NotFoundException('Network site', id);
      const before = await this.get(id, em);
      await em.query('DELETE FROM network_sites WHERE id = ?', [id]);
      await this.audit.recordAction(em, {
        action: 'network_site.delete',
        entityType: 'network_site',
        entityId: id,
        before: { ...before },
        after: null,
      });
      return before;
    });
  }
}

function nameTaken(name: string): ConflictException {
  return new ConflictException(ElevationErrorCode.SiteNameTaken, `A network site named '${name}' exists already`, [
    { field: 'name', rule: 'unique', message: `a network site named '${name}' exists already` },
  ]);
}
