import { GroundUnknownAtPathEnd, InvalidProfileRequest } from './elevation.errors';
import { ElevationGrid, heightAt, pixelSpacingAlongBearingMetres } from './elevation-grid';
import {
  greatCircleDistanceMetres,
  initialBearingDegrees,
  intervalsAlong,
  PathPoint,
  pointAlongGreatCircle,
  pointsAlongPath,
} from './geodesy';
import { checkProfileRequest, MAX_PROFILE_SAMPLES, PathEnd, ProfileRequest } from './profile-request';
import { earthBulgeMetres, fresnelRadiusMetres, Intrusion, intrusionAt, lineOfSightHeightMetres, STANDARD_K_FACTOR } from './radio-path';

export type { PathEnd, ProfileRequest } from './profile-request';

/** 'unknown' where the terrain model has no height, so nothing can be said about that point. */
export type SampleIntrusion = Intrusion | 'unknown';

/** One point of the profile: what a cursor over the chart shows. Heights are metres above sea level. */
export interface ProfileSample {
  distanceM: number;
  lat: number;
  lon: number;
  /** Terrain height; null where the terrain model has no data (never taken as sea level). */
  groundM: number | null;
  /** Trees or buildings above the ground; null without a clutter model or where it has no data. */
  clutterM: number | null;
  /** The earth's rise above the chord between the ends, added to the obstacle. */
  earthBulgeM: number;
  /** Ground, plus clutter, plus bulge: what the signal must pass over. Null where the ground is unknown. */
  obstacleTopM: number | null;
  /** The straight line between the antenna tips. */
  losM: number;
  /** Radius of the first Fresnel zone around the line of sight. */
  fresnelRadiusM: number;
  /** Line of sight minus obstacle top: negative where the obstacle cuts the line. */
  clearanceM: number | null;
  intrudes: SampleIntrusion;
}

/**
 * 'blocked' when terrain or clutter cuts the line of sight anywhere it is known; 'fresnel-intruded' when
 * it only reaches into the first Fresnel zone; 'clear' when every point is known and clear;
 * 'incomplete' when no known point intrudes but some points have no terrain data.
 */
export type ProfileVerdict = 'clear' | 'fresnel-intruded' | 'blocked' | 'incomplete';

export interface ElevationProfile {
  distanceM: number;
  frequencyHz: number;
  kFactor: number;
  /** The terrain model's resolution along this path, shrunk slightly so the samples end on the far end. */
  sampleSpacingM: number;
  samples: ProfileSample[];
  firstBlockedAtM: number | null;
  firstFresnelIntrusionAtM: number | null;
  /** The known point where the line of sight passes lowest over (or deepest into) the obstacles. */
  worstClearance: { distanceM: number; clearanceM: number; fresnelRadiusM: number } | null;
  /** Points with no terrain data: judged 'unknown', not clear. */
  unknownSamples: number;
  /** Points where a clutter model was given but had no data there: judged on the bare terrain. */
  clutterUnknownSamples: number;
  verdict: ProfileVerdict;
}

/** The spacing of the samples: one terrain cell along the path's direction, taken at its middle. */
function sampleSpacingMetres(dem: ElevationGrid, from: PathEnd, to: PathEnd): number {
  const middle = pointAlongGreatCircle(from, to, 0.5);
  return pixelSpacingAlongBearingMetres(dem, middle.lat, initialBearingDegrees(middle, to));
}

/** The ground under an antenna: the surveyed height when given, else the terrain model's. */
function groundAtEndMetres(request: ProfileRequest, which: 'from' | 'to'): number {
  const end = request[which];
  const groundM = end.groundM ?? heightAt(request.dem, end);
  if (groundM === null) throw new GroundUnknownAtPathEnd(which);
  return groundM;
}

function pathPoints(request: ProfileRequest): PathPoint[] {
  const { from, to, dem } = request;
  const spacingM = sampleSpacingMetres(dem, from, to);
  const expected = intervalsAlong(greatCircleDistanceMetres(from, to), spacingM) + 1;
  if (expected > MAX_PROFILE_SAMPLES) {
    throw new InvalidProfileRequest(
      'to',
      'withinReach',
      `the path would take ${expected} samples of the terrain model; at most ${MAX_PROFILE_SAMPLES} are profiled`,
    );
  }
  return pointsAlongPath(from, to, spacingM);
}

/**
 * The elevation profile of a link: terrain and clutter at every terrain cell along the great circle
 * between the ends, the line of sight between the antenna tips, the first Fresnel zone, and where the
 * terrain or clutter intrudes on either. At the two ends the clutter is left out of the obstacle: the
 * antenna is mounted on or above whatever stands there, and its height is measured from the ground.
 */
export function computeProfile(request: ProfileRequest): ElevationProfile {
  checkProfileRequest(request);
  const kFactor = request.kFactor ?? STANDARD_K_FACTOR;
  const fromGroundM = groundAtEndMetres(request, 'from');
  const toGroundM = groundAtEndMetres(request, 'to');
  const fromTipM = fromGroundM + request.from.antennaM;
  const toTipM = toGroundM + request.to.antennaM;
  const points = pathPoints(request);
  const lengthM = points[points.length - 1].distanceM;

  const samples = points.map((point, index): ProfileSample => {
    const isEnd = index === 0 || index === points.length - 1;
    const d1 = point.distanceM;
    const d2 = lengthM - d1;
    const groundM = index === 0 ? fromGroundM : index === points.length - 1 ? toGroundM : heightAt(request.dem, point);
    const clutterM = request.clutter ? heightAt(request.clutter, point) : null;
    const earthBulgeM = earthBulgeMetres(d1, d2, kFactor);
    const losM = lineOfSightHeightMetres(fromTipM, toTipM, d1, lengthM);
    const fresnelRadiusM = fresnelRadiusMetres(d1, d2, request.frequencyHz);
    const obstacleTopM = groundM === null ? null : groundM + (isEnd ? 0 : (clutterM ?? 0)) + earthBulgeM;
    const clearanceM = obstacleTopM === null ? null : losM - obstacleTopM;
    const intrudes = clearanceM === null ? 'unknown' : intrusionAt(clearanceM, fresnelRadiusM);
    return {
      distanceM: d1,
      lat: point.lat,
      lon: point.lon,
      groundM,
      clutterM,
      earthBulgeM,
      obstacleTopM,
      losM,
      fresnelRadiusM,
      clearanceM,
      intrudes,
    };
  });

  return {
    distanceM: lengthM,
    frequencyHz: request.frequencyHz,
    kFactor,
    sampleSpacingM: lengthM / (points.length - 1),
    samples,
    ...judge(samples, request.clutter !== undefined),
  };
}

type Judgement = Pick<
  ElevationProfile,
  'firstBlockedAtM' | 'firstFresnelIntrusionAtM' | 'worstClearance' | 'unknownSamples' | 'clutterUnknownSamples' | 'verdict'
>;

function judge(samples: ProfileSample[], hasClutter: boolean): Judgement {
  const firstWhere = (intrusion: SampleIntrusion) => samples.find((s) => s.intrudes === intrusion)?.distanceM ?? null;
  const firstBlockedAtM = firstWhere('blocked');
  const firstFresnelIntrusionAtM = firstWhere('fresnel');
  const unknownSamples = samples.filter((s) => s.intrudes === 'unknown').length;
  const interior = samples.slice(1, -1);
  const clutterUnknownSamples = hasClutter ? interior.filter((s) => s.clutterM === null).length : 0;

  let worstClearance: ElevationProfile['worstClearance'] = null;
  for (const s of samples) {
    if (s.clearanceM !== null && (worstClearance === null || s.clearanceM < worstClearance.clearanceM)) {
      worstClearance = { distanceM: s.distanceM, clearanceM: s.clearanceM, fresnelRadiusM: s.fresnelRadiusM };
    }
  }

  const verdict: ProfileVerdict =
    firstBlockedAtM !== null
      ? 'blocked'
      : firstFresnelIntrusionAtM !== null
        ? 'fresnel-intruded'
        : unknownSamples > 0
          ? 'incomplete'
          : 'clear';
  return { firstBlockedAtM, firstFresnelIntrusionAtM, worstClearance, unknownSamples, clutterUnknownSamples, verdict };
}
