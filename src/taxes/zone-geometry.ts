import type { FieldError } from '../common/errors';
import {
  MAX_LATITUDE_MICRO,
  MAX_LONGITUDE_MICRO,
  MicroBounds,
  MicroPoint,
  MicroPolygon,
  MicroRing,
  MicroShape,
  microToDecimal,
  numberToMicro,
  shapeBounds,
} from './geo-zone';

/** GeoJSON, positions as [longitude, latitude]. */
export type ZoneGeometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

export const ZONE_GEOMETRY_TYPES = ['Polygon', 'MultiPolygon'] as const;

/** Enough for a detailed county outline; keeps one zone's JSON and its containment test small. */
export const MAX_ZONE_POSITIONS = 50_000;
const MAX_REPORTED_ERRORS = 20;

export interface ReadZone {
  /** The geometry as stored: coordinates kept to six decimals, altitude dropped, nothing but type and coordinates. */
  geometry: ZoneGeometry;
  shape: MicroShape;
  bounds: MicroBounds;
}

export type ZoneGeometryResult = { ok: true; zone: ReadZone } | { ok: false; errors: FieldError[] };

class GeometryReader {
  readonly errors: FieldError[] = [];
  private positions = 0;

  constructor(private readonly field: string) {}

  fail(path: (string | number)[], rule: string, message: string): void {
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push({ field: [this.field, ...path].join('.'), rule, message });
  }

  read(input: unknown): MicroShape | null {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      this.fail([], 'geoJson', `${this.field} must be a GeoJSON Polygon or MultiPolygon object`);
      return null;
    }
    const { type, coordinates } = input as { type?: unknown; coordinates?: unknown };
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      this.fail(['type'], 'isIn', `${this.field}.type must be Polygon or MultiPolygon`);
      return null;
    }
    if (!Array.isArray(coordinates) || coordinates.length === 0) {
      this.fail(['coordinates'], 'isArray', `${this.field}.coordinates must be a non-empty array`);
      return null;
    }
    const shape =
      type === 'Polygon'
        ? [this.polygon(coordinates, ['coordinates'])]
        : coordinates.map((polygon, i) => this.polygon(polygon, ['coordinates', i]));
    return this.errors.length ? null : shape;
  }

  private polygon(input: unknown, path: (string | number)[]): MicroPolygon {
    if (!Array.isArray(input) || input.length === 0) {
      this.fail(path, 'isArray', `${[this.field, ...path].join('.')} must be a non-empty array of rings`);
      return [];
    }
    return input.map((ring, i) => this.ring(ring, [...path, i]));
  }

  private ring(input: unknown, path: (string | number)[]): MicroRing {
    const name = [this.field, ...path].join('.');
    if (!Array.isArray(input)) {
      this.fail(path, 'isArray', `${name} must be an array of [longitude, latitude] positions`);
      return [];
    }
    if (input.length < 4) {
      this.fail(path, 'ringSize', `${name} needs at least 4 positions (a triangle and its first point repeated)`);
      return [];
    }
    this.positions += input.length;
    if (this.positions > MAX_ZONE_POSITIONS) {
      this.fail(path, 'maxSize', `${this.field} may hold at most ${MAX_ZONE_POSITIONS} positions`);
      return [];
    }
    const ring = input.map((position, i) => this.position(position, [...path, i]));
    if (ring.some((p) => p === null)) return [];
    const points = ring as MicroPoint[];
    const first = points[0];
    const last = points[points.length - 1];
    if (first.x !== last.x || first.y !== last.y) {
      this.fail(path, 'ringClosed', `${name} must end with the position it starts with`);
    }
    return points;
  }

  private position(input: unknown, path: (string | number)[]): MicroPoint | null {
    const name = [this.field, ...path].join('.');
    if (!Array.isArray(input) || input.length < 2 || input.length > 3 || !input.every((n) => typeof n === 'number')) {
      this.fail(path, 'position', `${name} must be [longitude, latitude] in decimal degrees`);
      return null;
    }
    const [lng, lat] = input as number[];
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) {
      this.fail(path, 'finite', `${name} must hold finite numbers`);
      return null;
    }
    const x = numberToMicro(lng);
    const y = numberToMicro(lat);
    if (x === null || Math.abs(x) > MAX_LONGITUDE_MICRO) {
      this.fail(path, 'longitude', `${name} has longitude ${lng}; it must be between -180 and 180`);
      return null;
    }
    if (y === null || Math.abs(y) > MAX_LATITUDE_MICRO) {
      this.fail(path, 'latitude', `${name} has latitude ${lat}; it must be between -90 and 90`);
      return null;
    }
    return { x, y };
  }
}

const toPositions = (ring: MicroRing): number[][] => ring.map((p) => [Number(microToDecimal(p.x)), Number(microToDecimal(p.y))]);

/**
 * Checks a zone's GeoJSON and returns it in the form it is stored and tested in. Coordinates are
 * kept to six decimals (about 11 cm), rounded half away from zero, so the stored geometry is
 * exactly the one containment is computed on. Zones do not wrap across the 180th meridian;
 * a zone straddling it is drawn as a MultiPolygon of its two halves.
 */
export function readZoneGeometry(input: unknown, field = 'geometry'): ZoneGeometryResult {
  const reader = new GeometryReader(field);
  const shape = reader.read(input);
  if (!shape) return { ok: false, errors: reader.errors };
  const type = (input as { type: ZoneGeometry['type'] }).type;
  const geometry: ZoneGeometry =
    type === 'Polygon'
      ? { type, coordinates: shape[0].map(toPositions) }
      : { type, coordinates: shape.map((polygon) => polygon.map(toPositions)) };
  return { ok: true, zone: { geometry, shape, bounds: shapeBounds(shape) } };
}

/** A stored geometry (already checked on the way in) as micro-degree rings. */
export function storedZoneShape(geometry: ZoneGeometry): MicroShape {
  const result = readZoneGeometry(geometry);
  if (!result.ok) throw new Error(`A stored tax zone geometry is not valid: ${result.errors.map((e) => e.field).join(', ')}`);
  return result.zone.shape;
}
