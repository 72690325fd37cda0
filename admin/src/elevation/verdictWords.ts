import type { ElevationProfile } from './types';
import { formatDistance, formatMetres } from './units';

export interface VerdictWords {
  severity: 'success' | 'warning' | 'error' | 'info';
  title: string;
  detail: string;
}

/**
 * The point where the obstacles come nearest the Fresnel zone: the least clearance as a share of the
 * zone's radius there (planners ask for 60 % of the first zone clear). Near the antennas the zone
 * narrows to nothing, so the least clearance in metres alone would point at the mast itself.
 */
function closestApproach(profile: ElevationProfile) {
  let closest: { distanceM: number; clearanceM: number; fresnelRadiusM: number; share: number } | null = null;
  for (const s of profile.samples.slice(1, -1)) {
    if (s.clearanceM === null || s.fresnelRadiusM <= 0) continue;
    const share = s.clearanceM / s.fresnelRadiusM;
    if (closest === null || share < closest.share)
      closest = { distanceM: s.distanceM, clearanceM: s.clearanceM, fresnelRadiusM: s.fresnelRadiusM, share };
  }
  return closest;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The verdict as a sentence for the installer: what stands in the way, and where, counted from the address. */
export function verdictWords(profile: ElevationProfile): VerdictWords {
  const worst = profile.worstClearance;
  const closest = closestApproach(profile);
  const unknown =
    profile.unknownSamples > 0
      ? ` ${profile.unknownSamples} of ${profile.samples.length} points have no terrain data and could not be judged.`
      : '';
  switch (profile.verdict) {
    case 'blocked':
      return {
        severity: 'error',
        title: `Blocked at ${formatDistance(profile.firstBlockedAtM ?? 0)}`,
        detail: `The line of sight is cut ${formatDistance(profile.firstBlockedAtM ?? 0)} from the address${
          worst ? `; deepest ${formatMetres(-worst.clearanceM)} below the obstacle at ${formatDistance(worst.distanceM)}` : ''
        }.${unknown}`,
      };
    case 'fresnel-intruded':
      return {
        severity: 'warning',
        title: 'Fresnel zone intruded',
        detail: `The line of sight is open, but terrain or clutter reaches into the first Fresnel zone from ${formatDistance(
          profile.firstFresnelIntrusionAtM ?? 0,
        )}${
          closest
            ? `; at ${formatDistance(closest.distanceM)} only ${percent(Math.max(0, closest.share))} of the zone is clear (${formatMetres(closest.clearanceM)} of ${formatMetres(closest.fresnelRadiusM)})`
            : ''
        }.${unknown}`,
      };
    case 'incomplete':
      return {
        severity: 'info',
        title: 'Incomplete',
        detail: `Nothing known stands in the way, but the terrain tiles do not cover the whole path.${unknown}`,
      };
    default:
      return {
        severity: 'success',
        title: 'Clear',
        detail: `The line of sight and the first Fresnel zone are open over the whole path${
          closest
            ? `; the obstacles come closest to the zone at ${formatDistance(closest.distanceM)}, ${formatMetres(
                closest.clearanceM,
              )} below the line of sight where the zone's radius is ${formatMetres(closest.fresnelRadiusM)}`
            : ''
        }.`,
      };
  }
}
