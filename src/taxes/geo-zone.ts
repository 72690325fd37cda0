/**
 * Whether a service location lies inside a tax zone. Everything here works on integer
 * micro-degrees (1e-6 of a degree, the precision of the DECIMAL(9,6) coordinate columns)
 * converted straight from decimal text, and compares with BigInt cross products, so a
 * point exactly on a zone's edge or corner is decided exactly, never by a float's luck.
 */

/** A point in micro-degrees: x is longitude, y is latitude (GeoJSON order). */
export interface MicroPoint {
  x: number;
  y: number;
}

/** A closed ring: the first point repeated as the last, as GeoJSON has it. */
export type MicroRing = MicroPoint[];
/** An outer ring followed by its holes. */
export type MicroPolygon = MicroRing[];
/** A zone is one or more polygons. */
export type MicroShape = MicroPolygon[];

export const MICRO_PER_DEGREE = 1_000_000;
export const MAX_LONGITUDE_MICRO = 180 * MICRO_PER_DEGREE;
export const MAX_LATITUDE_MICRO = 90 * MICRO_PER_DEGREE;

const DECIMAL_TEXT = /^([+-])?(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d{1,4}))?$/;

/**
 * Reads decimal degrees written as text ("41.878113", "-87.6", "1e-7") as a whole number of
 * micro-degrees. Digits past the sixth decimal are rounded half away from zero, on the
 * decimal digits themselves. Returns null for text that is not a finite decimal number.
 */
export function decimalToMicro(text: string): number | null {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '', fraction = '', bareFraction = '', exponent = '0'] = match;
  const fractionDigits = bareFraction || fraction;
  const digits = `${whole}${fractionDigits}`.replace(/^0+(?=\d)/, '') || '0';
  // value = digits × 10^(exponent − fractionDigits.length); in micro-degrees shift by six more.
  const shift = Number(exponent) - fractionDigits.length + 6;
  let magnitude: bigint;
  if (shift >= 0) {
    magnitude = BigInt(digits) * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    magnitude = (BigInt(digits) * 2n + divisor) / (divisor * 2n);
  }
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const micro = Number(magnitude);
  return sign === '-' && micro !== 0 ? -micro : micro;
}

/** The decimal text of a micro-degree count: -87623177 → "-87.623177". */
export function microToDecimal(micro: number): string {
  if (!Number.isSafeInteger(micro)) throw new RangeError(`micro-degrees must be a whole number, got ${micro}`);
  const magnitude = String(Math.abs(micro)).padStart(7, '0');
  return `${micro < 0 ? '-' : ''}${magnitude.slice(0, -6)}.${magnitude.slice(-6)}`;
}

/**
 * A JSON coordinate as micro-degrees. A JavaScript number's shortest text is the decimal the
 * sender wrote (for anything up to 15 significant digits), so going through that text is exact.
 */
export function numberToMicro(value: number): number | null {
  return Number.isFinite(value) ? decimalToMicro(String(value)) : null;
}

/** Sign of (b − a) × (p − a): zero when p lies on the line through a and b. */
function cross(a: MicroPoint, b: MicroPoint, p: MicroPoint): bigint {
  return BigInt(b.x - a.x) * BigInt(p.y - a.y) - BigInt(p.x - a.x) * BigInt(b.y - a.y);
}

function onSegment(a: MicroPoint, b: MicroPoint, p: MicroPoint): boolean {
  return (
    p.x >= Math.min(a.x, b.x) &&
    p.x <= Math.max(a.x, b.x) &&
    p.y >= Math.min(a.y, b.y) &&
    p.y <= Math.max(a.y, b.y) &&
    cross(a, b, p) === 0n
  );
}

/** True when p lies on one of the ring's edges (a vertex included). */
export function ringTouches(ring: MicroRing, p: MicroPoint): boolean {
  for (let i = 1; i < ring.length; i++) if (onSegment(ring[i - 1], ring[i], p)) return true;
  return false;
}

/**
 * How many edges of the ring a ray from p towards +x crosses. Each edge counts its lower
 * end and not its upper one, so a ray through a vertex is counted once, or not at all when
 * the ring only touches the ray there.
 */
function crossings(ring: MicroRing, p: MicroPoint): number {
  let count = 0;
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1];
    const b = ring[i];
    if (a.y > p.y === b.y > p.y) continue;
    // p is left of the edge's crossing with the ray when the cross product has the edge's direction sign.
    const side = cross(a, b, p);
    if (b.y > a.y ? side > 0n : side < 0n) count++;
  }
  return count;
}

/**
 * Even-odd rule over the outer ring and its holes: a point in a hole is outside, and a point
 * on any ring (the outer edge or a hole's edge) is on the zone's boundary, which counts as inside.
 */
export function polygonContains(polygon: MicroPolygon, p: MicroPoint): boolean {
  if (polygon.some((ring) => ringTouches(ring, p))) return true;
  const total = polygon.reduce((sum, ring) => sum + crossings(ring, p), 0);
  return total % 2 === 1;
}

export function shapeContains(shape: MicroShape, p: MicroPoint): boolean {
  return shape.some((polygon) => polygonContains(polygon, p));
}

export interface MicroBounds {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export function shapeBounds(shape: MicroShape): MicroBounds {
  const bounds = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  for (const polygon of shape) {
    for (const ring of polygon) {
      for (const { x, y } of ring) {
        bounds.minX = Math.min(bounds.minX, x);
        bounds.maxX = Math.max(bounds.maxX, x);
        bounds.minY = Math.min(bounds.minY, y);
        bounds.maxY = Math.max(bounds.maxY, y);
      }
    }
  }
  return bounds;
}
