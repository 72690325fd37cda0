import { InvalidProfileRequest } from './elevation.errors';
import { assertUsableGrid, ElevationGrid } from './elevation-grid';
import { GeoPoint } from './geodesy';

/** One end of a link: where it stands and how high its antenna is mounted. */
export interface PathEnd extends GeoPoint {
  /** Height of the antenna above the ground, metres. */
  antennaM: number;
  /** Surveyed ground height above sea level, metres; without it the terrain model's height is used. */
  groundM?: number;
}

export interface ProfileRequest {
  from: PathEnd;
  to: PathEnd;
  frequencyHz: number;
  /** Terrain: ground height above sea level. Its resolution sets the sample spacing. */
  dem: ElevationGrid;
  /** Trees and buildings: their height above the ground. */
  clutter?: ElevationGrid;
  /** Effective earth-radius factor; 4/3 unless the operator plans for other conditions. */
  kFactor?: number;
}

/** A profile of more samples than this is refused rather than computed: 600 km at 30 m. */
export const MAX_PROFILE_SAMPLES = 20_000;

function check(ok: boolean, field: string, rule: string, message: string): void {
  if (!ok) throw new InvalidProfileRequest(field, rule, message);
}

function checkEnd(end: PathEnd, field: 'from' | 'to'): void {
  check(
    Number.isFinite(end.lat) && end.lat >= -90 && end.lat <= 90,
    `${field}.lat`,
    'latitude',
    `${field}.lat must be a latitude, -90 to 90`,
  );
  check(
    Number.isFinite(end.lon) && end.lon >= -180 && end.lon <= 180,
    `${field}.lon`,
    'longitude',
    `${field}.lon must be a longitude, -180 to 180`,
  );
  check(Number.isFinite(end.antennaM) && end.antennaM >= 0, `${field}.antennaM`, 'min', `${field}.antennaM must be metres, 0 or more`);
  check(end.groundM === undefined || Number.isFinite(end.groundM), `${field}.groundM`, 'isNumber', `${field}.groundM must be metres`);
}

/** Throws InvalidProfileRequest naming the first field that breaks a rule. */
export function checkProfileRequest(request: ProfileRequest): void {
  checkEnd(request.from, 'from');
  checkEnd(request.to, 'to');
  check(
    request.from.lat !== request.to.lat || request.from.lon !== request.to.lon,
    'to',
    'distinctFromStart',
    'the path must end somewhere other than where it starts',
  );
  check(
    Number.isFinite(request.frequencyHz) && request.frequencyHz > 0,
    'frequencyHz',
    'isPositive',
    'frequencyHz must be a positive frequency',
  );
  const k = request.kFactor;
  check(k === undefined || (Number.isFinite(k) && k > 0), 'kFactor', 'isPositive', 'kFactor must be a positive number');
  assertUsableGrid(request.dem, 'terrain model');
  if (request.clutter) assertUsableGrid(request.clutter, 'clutter model');
}
