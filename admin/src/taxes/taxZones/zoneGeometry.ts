import type { ZoneGeometry } from '../../types';

type Position = [number, number];

const isPosition = (value: unknown): value is Position =>
  Array.isArray(value) &&
  value.length >= 2 &&
  typeof value[0] === 'number' &&
  typeof value[1] === 'number' &&
  Math.abs(value[0]) <= 180 &&
  Math.abs(value[1]) <= 90;

const checkRing = (ring: unknown, where: string): void => {
  if (!Array.isArray(ring) || ring.length < 4) throw new Error(`${where}: a ring needs at least 4 positions`);
  ring.forEach((position, index) => {
    if (!isPosition(position)) throw new Error(`${where}, position ${index + 1}: expected [longitude, latitude] within range`);
  });
  const [first, last] = [ring[0] as Position, ring[ring.length - 1] as Position];
  if (first[0] !== last[0] || first[1] !== last[1]) throw new Error(`${where}: the last position must repeat the first`);
};

const checkPolygon = (polygon: unknown, where: string): void => {
  if (!Array.isArray(polygon) || polygon.length === 0) throw new Error(`${where}: a polygon is a list of rings`);
  polygon.forEach((ring, index) => checkRing(ring, `${where}, ring ${index + 1}`));
};

/** A GeoJSON Polygon or MultiPolygon from text, with [longitude, latitude] positions; throws with a sentence otherwise. */
export const parseZoneGeometry = (text: string): ZoneGeometry => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('Not valid JSON');
  }
  const geometry = value as { type?: unknown; coordinates?: unknown };
  if (geometry?.type === 'Polygon') checkPolygon(geometry.coordinates, 'Polygon');
  else if (geometry?.type === 'MultiPolygon') {
    if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0)
      throw new Error('MultiPolygon: a list of polygons is needed');
    geometry.coordinates.forEach((polygon, index) => checkPolygon(polygon, `Polygon ${index + 1}`));
  } else throw new Error('The type must be Polygon or MultiPolygon');
  return { type: geometry.type, coordinates: geometry.coordinates } as ZoneGeometry;
};

export const zoneGeometryError = (text: string): string | undefined => {
  try {
    parseZoneGeometry(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

export const zoneGeometryText = (geometry: ZoneGeometry): string => JSON.stringify(geometry, null, 2);
