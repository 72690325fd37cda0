/**
 * Distances and positions on the earth, taken as a sphere. Over the few kilometres of a fixed-wireless
 * link a sphere is within a few metres of the ellipsoid, far below the 30 m of a DEM pixel.
 */

/** Mean earth radius (IUGG, R1), the sphere every elevation figure is computed on. */
export const EARTH_MEAN_RADIUS_M = 6_371_008.8;

/** Metres in one degree of latitude (and of longitude at the equator) on that sphere. */
export const METRES_PER_DEGREE = (EARTH_MEAN_RADIUS_M * Math.PI) / 180;

export interface GeoPoint {
  /** Degrees north, -90 to 90. */
  lat: number;
  /** Degrees east, -180 to 180. */
  lon: number;
}

/** A point of a path, with its distance from the path's start. */
export interface PathPoint extends GeoPoint {
  distanceM: number;
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
const toDegrees = (radians: number) => (radians * 180) / Math.PI;

/** Central angle between two points, by the haversine formula (well-conditioned for short links). */
function centralAngle(a: GeoPoint, b: GeoPoint): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function greatCircleDistanceMetres(a: GeoPoint, b: GeoPoint): number {
  return EARTH_MEAN_RADIUS_M * centralAngle(a, b);
}

/** Initial bearing from a towards b, in degrees clockwise from north (0 to 360). */
export function initialBearingDegrees(a: GeoPoint, b: GeoPoint): number {
  const lat1 = toRadians(a.lat);
  const lat2 = toRadians(b.lat);
  const dLon = toRadians(b.lon - a.lon);
  const y = Math.sin(dLon) * Math.cos(lat2);
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLon);
  return (toDegrees(Math.atan2(y, x)) + 360) % 360;
}

/** The point a given fraction of the way from a to b along the great circle. */
export function pointAlongGreatCircle(a: GeoPoint, b: GeoPoint, fraction: number): GeoPoint {
  const angle = centralAngle(a, b);
  if (angle === 0) return { lat: a.lat, lon: a.lon };
  const wa = Math.sin((1 - fraction) * angle) / Math.sin(angle);
  const wb = Math.sin(fraction * angle) / Math.sin(angle);
  const [lat1, lon1, lat2, lon2] = [toRadians(a.lat), toRadians(a.lon), toRadians(b.lat), toRadians(b.lon)];
  const x = wa * Math.cos(lat1) * Math.cos(lon1) + wb * Math.cos(lat2) * Math.cos(lon2);
  const y = wa * Math.cos(lat1) * Math.sin(lon1) + wb * Math.cos(lat2) * Math.sin(lon2);
  const z = wa * Math.sin(lat1) + wb * Math.sin(lat2);
  return { lat: toDegrees(Math.atan2(z, Math.hypot(x, y))), lon: toDegrees(Math.atan2(y, x)) };
}

/** How many equal steps of at most maxSpacingM cover lengthM: at least one. */
export function intervalsAlong(lengthM: number, maxSpacingM: number): number {
  // A path a millionth longer than N steps still takes N: a path laid from cell centre to cell centre
  // measures a hair off a whole number of cells (the great circle is not the parallel), and should not
  // gain a step, and with it samples that fall between the cells, for that.
  return Math.max(1, Math.ceil((lengthM / maxSpacingM) * (1 - 1e-6)));
}

/**
 * Evenly spaced points from a to b, both ends included, no further apart than maxSpacingM: at least
 * two points, and the spacing shrinks a little so that the last point falls exactly on b.
 */
export function pointsAlongPath(a: GeoPoint, b: GeoPoint, maxSpacingM: number): PathPoint[] {
  if (!(maxSpacingM > 0)) throw new RangeError(`the sample spacing must be a positive number of metres, not ${maxSpacingM}`);
  const lengthM = greatCircleDistanceMetres(a, b);
  const intervals = intervalsAlong(lengthM, maxSpacingM);
  return Array.from({ length: intervals + 1 }, (_, i) => {
    const fraction = i / intervals;
    const point = i === 0 ? a : i === intervals ? b : pointAlongGreatCircle(a, b, fraction);
    return { lat: point.lat, lon: point.lon, distanceM: lengthM * fraction };
  });
}
