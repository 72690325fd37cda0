import { EARTH_MEAN_RADIUS_M } from './geodesy';

/**
 * The radio geometry of a point-to-point path. Distances d1 and d2 are measured along the ground
 * from the two ends; every result is in metres.
 *
 * The frame: the line of sight is drawn straight between the two antenna tips, and the earth's
 * curvature is added to the terrain as a bulge, the way path profiles are usually plotted. That is
 * the same geometry as a curved line of sight over flat terrain; only the picture differs.
 */

/**
 * The effective earth-radius factor of a standard atmosphere: refraction bends radio waves slightly
 * downwards, which is the same as the waves travelling straight over an earth 4/3 as large.
 */
export const STANDARD_K_FACTOR = 4 / 3;

export const SPEED_OF_LIGHT_M_PER_S = 299_792_458;

export function wavelengthMetres(frequencyHz: number): number {
  return SPEED_OF_LIGHT_M_PER_S / frequencyHz;
}

/**
 * How far the earth rises above the straight chord between the two ends, at a point d1 from one end
 * and d2 from the other: d1·d2 / (2·k·R). Zero at both ends, largest halfway.
 */
export function earthBulgeMetres(d1M: number, d2M: number, kFactor = STANDARD_K_FACTOR, earthRadiusM = EARTH_MEAN_RADIUS_M): number {
  return (d1M * d2M) / (2 * kFactor * earthRadiusM);
}

/**
 * Radius of the n-th Fresnel zone at a point of the path: √(n·λ·d1·d2 / (d1 + d2)). Terrain inside the
 * first zone takes signal away even while the line of sight itself is open. Zero at the antennas.
 */
export function fresnelRadiusMetres(d1M: number, d2M: number, frequencyHz: number, zone = 1): number {
  const lengthM = d1M + d2M;
  if (lengthM === 0) return 0;
  return Math.sqrt((zone * wavelengthMetres(frequencyHz) * d1M * d2M) / lengthM);
}

/**
 * Height of the line of sight above sea level at distanceM along a path of lengthM, between the antenna
 * tips (ground plus antenna height at each end). Straight, because the bulge goes onto the terrain.
 */
export function lineOfSightHeightMetres(fromTipM: number, toTipM: number, distanceM: number, lengthM: number): number {
  if (lengthM === 0) return fromTipM;
  return fromTipM + ((toTipM - fromTipM) * distanceM) / lengthM;
}

/** How a point of the path stands: above the first Fresnel zone, inside it, or below the line of sight. */
export type Intrusion = 'clear' | 'fresnel' | 'blocked';

/** clearanceM is the line of sight's height above the obstacle (terrain, clutter and bulge). */
export function intrusionAt(clearanceM: number, fresnelRadiusM: number): Intrusion {
  if (clearanceM < 0) return 'blocked';
  if (clearanceM < fresnelRadiusM) return 'fresnel';
  return 'clear';
}
