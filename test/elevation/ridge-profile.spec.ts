import { computeProfile, ProfileRequest } from '../../src/elevation/elevation-profile';
import { greatCircleDistanceMetres } from '../../src/elevation/geodesy';
import { syntheticTerrain } from '../../src/elevation/synthetic-terrain';

/**
 * A plain at 100 m on a 1″ grid near 45° N, with a ridge 60 m high running north-south along 7.025° E
 * from 45.025° to 45.035° N (raised-cosine flanks, level again 150 m either side), and a low ridge of
 * 5 m along 7.055° E from 45.050° to 45.056° N. Links run due east from 7.01° to 7.07° E with 10 m masts,
 * so both tips are at 110 m and the line of sight is level at 110 m.
 *
 * By hand, for the link along 45.03° N: length 0.06° × 111 195.08 m × cos 45.03° = 4715.1 m, crossing the
 * ridge crest 0.015° in, 1178.8 m from the start. It is blocked where ridge + bulge > 10 m. About 1070 m
 * in, the bulge is 1070 × 3645 / 16 989 357 = 0.229 m, so the ridge must rise above 9.771 m:
 * 30·(1 + cos(π·d/150)) = 9.771 → cos(π·d/150) = −0.6743 → π·d/150 = 2.3107 → d = 110.3 m from the crest,
 * so the first blocked point is 1178.8 − 110.3 = 1068.5 m along. Samples fall every
 * 1″ × 111 195.08 m × cos 45.03° / 3600 = 21.83 m, the cell width along an eastward path.
 */
const terrain = syntheticTerrain({
  westLon: 7,
  northLat: 45.06,
  pixelDeg: 1 / 3600,
  width: 288,
  height: 216,
  plainM: 100,
  features: [
    { kind: 'ridge', from: { lat: 45.025, lon: 7.025 }, to: { lat: 45.035, lon: 7.025 }, heightM: 60, halfWidthM: 150 },
    { kind: 'ridge', from: { lat: 45.05, lon: 7.055 }, to: { lat: 45.056, lon: 7.055 }, heightM: 5, halfWidthM: 150 },
  ],
});

const SAMPLE_M = 21.83;
const eastward = (lat: number): ProfileRequest => ({
  from: { lat, lon: 7.01, antennaM: 10 },
  to: { lat, lon: 7.07, antennaM: 10 },
  frequencyHz: 5.8e9,
  dem: terrain,
});

describe('a link over a ridge, and one beside it', () => {
  it('reports the link over the ridge blocked from the ridge’s near flank, deepest at the crest', () => {
    const sut = computeProfile(eastward(45.03));
    expect(sut.distanceM).toBeCloseTo(4715.1, 1);
    // The link spans 0.06 × 3600 = 216 cells, so 216 steps of one cell width, 4715.1 / 216 = 21.829 m.
    expect(sut.sampleSpacingM).toBeCloseTo(21.829, 3);
    expect(sut.samples).toHaveLength(217);
    expect(sut.samples).toHaveLength(Math.round(sut.distanceM / sut.sampleSpacingM) + 1);
    expect(sut.verdict).toBe('blocked');
    expect(sut.firstBlockedAtM).not.toBeNull();
    expect(Math.abs(sut.firstBlockedAtM! - 1068.5)).toBeLessThanOrEqual(SAMPLE_M);
    expect(Math.abs(sut.worstClearance!.distanceM - 1178.8)).toBeLessThanOrEqual(SAMPLE_M);
    // Nearly the whole ridge stands above the line: 100 + ~59 m of interpolated crest + 0.25 m of bulge − 110.
    expect(sut.worstClearance!.clearanceM).toBeLessThan(-48);
    const crest = sut.samples.reduce((high, s) => (s.groundM! > high.groundM! ? s : high));
    expect(crest.intrudes).toBe('blocked');
    expect(crest.obstacleTopM).toBeCloseTo(crest.groundM! + crest.earthBulgeM, 9);
    expect(crest.clearanceM).toBeCloseTo(crest.losM - crest.obstacleTopM!, 9);
    // Past the ridge the plain is open again, and the ends stand at their antennas.
    expect(sut.samples.filter((s) => s.distanceM > 1400).every((s) => s.intrudes === 'clear')).toBe(true);
    expect(sut.samples[0]).toMatchObject({ distanceM: 0, groundM: 100, losM: 110, fresnelRadiusM: 0, clearanceM: 10, intrudes: 'clear' });
  });

  it('finds the same obstruction from the other end, at the mirrored distance', () => {
    // Seen from the east the crest is 4715.1 − 1178.8 = 3536.3 m away and the first blocked point at the
    // far flank, 3536.3 − 110.3 = 3426.0 m along.
    const there = eastward(45.03);
    const sut = computeProfile({ ...there, from: there.to, to: there.from });
    expect(sut.verdict).toBe('blocked');
    expect(Math.abs(sut.firstBlockedAtM! - 3426.0)).toBeLessThanOrEqual(SAMPLE_M);
  });

  it('reports the link beside the ridge clear, with the Fresnel zone open all the way', () => {
    // Along 45.045° N the ridge ends 0.01° (1112 m) to the south. The link is 4713.9 m long; halfway the
    // clearance is 10 − bulge (2357² / 16 989 357 = 0.327 m) = 9.673 m, against a zone of
    // √(0.051 688 × 2357 / 2) = 7.805 m. A sample half a step off the middle changes these by under 0.1 mm.
    const sut = computeProfile(eastward(45.045));
    expect(sut.verdict).toBe('clear');
    expect(sut.firstBlockedAtM).toBeNull();
    expect(sut.firstFresnelIntrusionAtM).toBeNull();
    expect(sut.unknownSamples).toBe(0);
    expect(sut.samples.every((s) => Math.abs(s.groundM! - 100) < 1e-9 && s.intrudes === 'clear')).toBe(true);
    const middle = sut.samples.reduce((best, s) => (Math.abs(s.distanceM - 2357) < Math.abs(best.distanceM - 2357) ? s : best));
    expect(Math.abs(middle.distanceM - 2357)).toBeLessThanOrEqual(SAMPLE_M / 2);
    expect(middle.earthBulgeM).toBeCloseTo(0.327, 3);
    expect(middle.fresnelRadiusM).toBeCloseTo(7.805, 3);
    expect(middle.clearanceM).toBeCloseTo(9.673, 3);
  });

  it('tells a low ridge that only reaches into the Fresnel zone from one that cuts the line', () => {
    // Along 45.053° N the link is 4713.2 m long and the 5 m ridge stands 0.045° in:
    // 0.045 × 111 195.08 × cos 45.053° = 3534.9 m from the start, 1178.3 m from the end.
    // Zone √(0.051 688 × 3534.9 × 1178.3 / 4713.2) = 6.76 m, bulge 3534.9 × 1178.3 / 16 989 357 = 0.245 m.
    // The nearest cell centres are 10.9 m either side of the crest, where it stands 5 × (1 + cos(π·10.9/150))/2
    // = 4.94 m, so the clearance over the crest is between 10 − 5 − 0.245 = 4.76 m and 10 − 4.94 − 0.245 = 4.82 m:
    // inside the zone, above the line.
    const sut = computeProfile(eastward(45.053));
    expect(sut.verdict).toBe('fresnel-intruded');
    expect(sut.firstBlockedAtM).toBeNull();
    const crestAtM = greatCircleDistanceMetres({ lat: 45.053, lon: 7.01 }, { lat: 45.053, lon: 7.055 });
    expect(crestAtM).toBeCloseTo(3534.9, 1);
    expect(Math.abs(sut.worstClearance!.distanceM - crestAtM)).toBeLessThanOrEqual(SAMPLE_M);
    expect(sut.worstClearance!.clearanceM).toBeGreaterThanOrEqual(4.75);
    expect(sut.worstClearance!.clearanceM).toBeLessThanOrEqual(4.83);
    expect(sut.worstClearance!.fresnelRadiusM).toBeCloseTo(6.76, 1);
  });

  it('clears the low ridge once the masts are raised above its Fresnel zone', () => {
    const low = eastward(45.053);
    const sut = computeProfile({ ...low, from: { ...low.from, antennaM: 13 }, to: { ...low.to, antennaM: 13 } });
    expect(sut.verdict).toBe('clear');
  });
});
