import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { BadInputException, DomainException, NotFoundException } from '../common/errors';
import { transactionWithRetry } from '../database/transaction';
import {
  AccountNetworkSitesResponseDto,
  DEFAULT_SUBSCRIBER_ANTENNA_M,
  ElevationProfileQueryDto,
  ElevationProfileResponseDto,
  ProfileEndDto,
  ProfileSampleDto,
} from './dto/elevation-profile.dto';
import { NetworkSiteResponseDto } from './dto/network-site.dto';
import { GroundUnknownAtPathEnd, InvalidProfileRequest } from './elevation.errors';
import { ElevationErrorCode } from './elevation.error-codes';
import { computeProfile, ElevationProfile, PathEnd } from './elevation-profile';
import { ElevationTilesService, StoredTile } from './elevation-tiles.service';
import { GeoPoint, greatCircleDistanceMetres, initialBearingDegrees } from './geodesy';
import { NetworkSitesService } from './network-sites.service';
import { STANDARD_K_FACTOR } from './radio-path';
import { GeoBounds, MosaicTooLarge, pathBounds, terrainOver } from './terrain-mosaic';

const gzipped = promisify(gzip);
const gunzipped = promisify(gunzip);

/**
 * How far around the path tiles are looked for: 0.002° (about 200 m, several cells of a 1″ or 3″
 * tile), so a point next to an end still finds the neighbouring cells it is interpolated from.
 */
const PATH_MARGIN_DEG = 0.002;

/** Bumped when the cached document changes shape, so older entries are simply never found again. */
const CACHE_FORMAT = 1;

/** What a cached profile is: the whole answer but who asked and whether it came from the cache. */
type CachedProfile = Omit<ElevationProfileResponseDto, 'accountId' | 'cached'>;

const mm = (metres: number) => Math.round(metres * 1000) / 1000;
const mmOrNull = (metres: number | null) => (metres === null ? null : mm(metres));
/** A ten-millionth of a degree is about a centimetre: finer than any tile. */
const deg = (degrees: number) => Math.round(degrees * 1e7) / 1e7;

interface Address extends GeoPoint {
  /** The coordinates as the account stores them, six decimals: the cache's key for the address. */
  text: string;
}

/** One of the site's values when asked for one, else its first; anything else is refused naming the choices. */
function choose(asked: number | undefined, offered: number[], field: string, what: string): number {
  if (asked === undefined) return offered[0];
  if (offered.includes(asked)) return asked;
  throw new BadInputException([
    { field, rule: 'oneOfSite', message: `${field} must be one of the site's ${what}: ${offered.join(', ')} (got ${asked})` },
  ]);
}

/**
 * Elevation profiles between an account's service address and the network sites: computed on the
 * server from the terrain and clutter tiles that cover the path, and cached by address, site and
 * parameters with the tiles that were read, so the same question is answered once.
 */
@Injectable()
export class ElevationProfilesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sites: NetworkSitesService,
    private readonly tiles: ElevationTilesService,
    private readonly clock: Clock,
  ) {}

  /** Every site with its distance and bearing from the address, nearest first: what the account's map shows. */
  async sitesAround(accountId: number): Promise<AccountNetworkSitesResponseDto> {
    const address = await this.addressOf(accountId);
    const sites = (await this.sites.all()).map((site) => ({
      ...site,
      distanceM: mm(greatCircleDistanceMetres(address, { lat: site.latitude, lon: site.longitude })),
      bearingDeg: Math.round(initialBearingDegrees(address, { lat: site.latitude, lon: site.longitude }) * 10) / 10,
    }));
    sites.sort((a, b) => a.distanceM - b.distanceM || a.id - b.id);
    return { latitude: address.lat, longitude: address.lon, sites };
  }

  async profile(accountId: number, query: ElevationProfileQueryDto): Promise<ElevationProfileResponseDto> {
    const address = await this.addressOf(accountId);
    const site = await this.sites.get(query.siteId);
    const siteAntennaM = choose(query.siteAntennaM, site.antennaHeightsM, 'siteAntennaM', 'antenna heights');
    const frequencyMhz = choose(query.frequencyMhz, site.frequenciesMhz, 'frequencyMhz', 'bands');
    const kFactor = query.kFactor ?? STANDARD_K_FACTOR;
    const subscriber: PathEnd = {
      lat: address.lat,
      lon: address.lon,
      antennaM: query.subscriberAntennaM ?? DEFAULT_SUBSCRIBER_ANTENNA_M,
      ...(query.subscriberGroundM !== undefined && { groundM: query.subscriberGroundM }),
    };
    const tower: PathEnd = {
      lat: site.latitude,
      lon: site.longitude,
      antennaM: siteAntennaM,
      ...(site.groundElevationM !== null && { groundM: site.groundElevationM }),
    };

    const box = pathBounds(subscriber, tower, PATH_MARGIN_DEG);
    const [dems, clutters] = await Promise.all([this.tiles.covering('dem', box), this.tiles.covering('clutter', box)]);
    if (dems.length === 0) {
      throw new DomainException(
        ElevationErrorCode.NoTerrain,
        `No terrain tile covers the path from the address to ${site.name}; upload a DEM tile of the area first.`,
      );
    }
    const key = cacheKey({
      format: CACHE_FORMAT,
      address: address.text,
      siteId: site.id,
      siteRevision: site.revision,
      siteAntennaM,
      frequencyMhz,
      subscriberAntennaM: subscriber.antennaM,
      subscriberGroundM: subscriber.groundM ?? null,
      kFactor,
      // The tiles that were read stand for their content: a tile is never changed, only added or deleted.
      dem: dems.map((t) => t.id),
      clutter: clutters.map((t) => t.id),
    });
    const cached = await this.cachedProfile(key);
    if (cached) return { ...cached, accountId, cached: true };

    const profile = await this.compute(subscriber, tower, frequencyMhz, kFactor, box, dems, clutters, site);
    const answer: CachedProfile = {
      siteId: site.id,
      siteName: site.name,
      subscriber: end(subscriber, profile.samples[0].groundM),
      site: end(tower, profile.samples[profile.samples.length - 1].groundM),
      frequencyMhz,
      kFactor,
      distanceM: mm(profile.distanceM),
      bearingDeg: Math.round(initialBearingDegrees(subscriber, tower) * 10) / 10,
      sampleSpacingM: mm(profile.sampleSpacingM),
      verdict: profile.verdict,
      firstBlockedAtM: mmOrNull(profile.firstBlockedAtM),
      firstFresnelIntrusionAtM: mmOrNull(profile.firstFresnelIntrusionAtM),
      worstClearance: profile.worstClearance && {
        distanceM: mm(profile.worstClearance.distanceM),
        clearanceM: mm(profile.worstClearance.clearanceM),
        fresnelRadiusM: mm(profile.worstClearance.fresnelRadiusM),
      },
      unknownSamples: profile.unknownSamples,
      clutterUnknownSamples: profile.clutterUnknownSamples,
      hasClutter: clutters.length > 0,
      tiles: [...dems, ...clutters].map((t) => ({ id: t.id, kind: t.kind, name: t.name })),
      samples: profile.samples.map((s): ProfileSampleDto => ({
        distanceM: mm(s.distanceM),
        lat: deg(s.lat),
        lon: deg(s.lon),
        groundM: mmOrNull(s.groundM),
        clutterM: mmOrNull(s.clutterM),
        earthBulgeM: mm(s.earthBulgeM),
        obstacleTopM: mmOrNull(s.obstacleTopM),
        losM: mm(s.losM),
        fresnelRadiusM: mm(s.fresnelRadiusM),
        clearanceM: mmOrNull(s.clearanceM),
        intrudes: s.intrudes,
      })),
      computedAt: this.clock.now().toISOString(),
    };
    await this.keepProfile(key, site.id, box, answer);
    return { ...answer, accountId, cached: false };
  }

  private async compute(
    subscriber: PathEnd,
    tower: PathEnd,
    frequencyMhz: number,
    kFactor: number,
    box: GeoBounds,
    dems: StoredTile[],
    clutters: StoredTile[],
    site: NetworkSiteResponseDto,
  ): Promise<ElevationProfile> {
    try {
      const dem = terrainOver(box, await Promise.all(dems.map((t) => this.tiles.grid(t))));
      const clutter = terrainOver(box, await Promise.all(clutters.map((t) => this.tiles.grid(t))));
      if (!dem) throw new Error('a terrain tile was found but gave no grid');
      return computeProfile({ from: subscriber, to: tower, frequencyHz: frequencyMhz * 1e6, dem, clutter: clutter ?? undefined, kFactor });
    } catch (err) {
      if (err instanceof GroundUnknownAtPathEnd) {
        const [where, field] =
          err.end === 'from' ? ['the service address', 'subscriberGroundM'] : [`the site ${site.name}`, 'groundElevationM of the site'];
        throw new DomainException(
          ElevationErrorCode.GroundUnknown,
          `The terrain tiles have no height at ${where}; upload a tile that covers it, or give its ground height (${field}).`,
          [{ field: err.end === 'from' ? 'subscriberGroundM' : 'siteId', rule: 'groundKnown', message: err.message }],
        );
      }
      if (err instanceof InvalidProfileRequest) {
        throw new DomainException(ElevationErrorCode.PathNotProfilable, `This path cannot be profiled: ${err.message}.`, [
          { field: err.field === 'to' ? 'siteId' : err.field, rule: err.rule, message: err.message },
        ]);
      }
      if (err instanceof MosaicTooLarge) {
        throw new DomainException(ElevationErrorCode.PathNotProfilable, `This path cannot be profiled: ${err.message}.`, [
          { field: 'siteId', rule: 'withinReach', message: err.message },
        ]);
      }
      throw err;
    }
  }

  /** The account's service address; 404 without the account, 409 while it has no coordinates. */
  private async addressOf(accountId: number): Promise<Address> {
    const [row]: { lat: string | null; lon: string | null }[] = await this.db.query(
      'SELECT service_latitude AS lat, service_longitude AS lon FROM accounts WHERE id = ?',
      [accountId],
    );
    if (!row) throw new NotFoundException('Account', accountId);
    if (row.lat === null || row.lon === null) {
      throw new DomainException(
        ElevationErrorCode.AccountWithoutCoordinates,
        `Account ${accountId} has no coordinates for its service address, so there is no path to profile; add its latitude and longitude first.`,
      );
    }
    return { lat: Number(row.lat), lon: Number(row.lon), text: `${row.lat},${row.lon}` };
  }

  private async cachedProfile(key: string): Promise<CachedProfile | null> {
    const [row]: { profile: Buffer }[] = await this.db.query('SELECT profile FROM elevation_profile_cache WHERE cache_key = ?', [key]);
    if (!row) return null;
    return JSON.parse((await gunzipped(row.profile)).toString('utf8')) as CachedProfile;
  }

  private async keepProfile(key: string, siteId: number, box: GeoBounds, profile: CachedProfile): Promise<void> {
    const packed = await gzipped(Buffer.from(JSON.stringify(profile), 'utf8'));
    try {
      await transactionWithRetry(this.db, (em) =>
        em.query(
          `INSERT INTO elevation_profile_cache (cache_key, site_id, south_lat, north_lat, west_lon, east_lon, profile)
           VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE profile = VALUES(profile), created_at = CURRENT_TIMESTAMP(3)`,
          [key, siteId, box.south, box.north, box.west, box.east, packed],
        ),
      );
    } catch (err) {
      // The site was deleted while its profile was being computed: the answer stands, there is just nothing to keep it under.
      if ((err as { errno?: number }).errno === 1452 || (err as { driverError?: { errno?: number } }).driverError?.errno === 1452) return;
      throw err;
    }
  }
}

function end(point: PathEnd, groundM: number | null): ProfileEndDto {
  return {
    lat: point.lat,
    lon: point.lon,
    // Both ends' ground is known once a profile exists: the core refuses a path hanging from a void.
    groundM: mm(groundM as number),
    groundSource: point.groundM === undefined ? 'terrain' : 'surveyed',
    antennaM: point.antennaM,
  };
}

function cacheKey(parts: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
