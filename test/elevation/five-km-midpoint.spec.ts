import { computeProfile, ProfileRequest } from '../../src/elevation/elevation-profile';
import { METRES_PER_DEGREE } from '../../src/elevation/geodesy';
import { syntheticTerrain } from '../../src/elevation/synthetic-terrain';

/**
 * A 5 km link due north over a level plain at 100 m, on a grid whose cells are 25 m tall, so the samples
 * fall every 25 m and the 101st of 201 is exactly halfway. The hand-worked figures:
 *   Fresnel radius: λ = 299 792 458 / 5.8e9 = 0.051 688 35 m; √(λ × 2500 × 2500 / 5000) = √64.610 44 = 8.038 06 m.
 *   Earth bulge, k = 4/3: 2500 × 2500 / (2 × 4/3 × 6 371 008.8) = 6 250 000 / 16 989 356.8 = 0.367 877 m.
 *   Earth bulge, k = 1:   6 250 000 / 12 742 017.6 = 0.490 503 m.
 */
const cellDeg = 25 / METRES_PER_DEGREE;
const plain = syntheticTerrain({ westLon: 7, northLat: 45.1, pixelDeg: cellDeg, width: 4, height: 450, plainM: 100 });
const lon = 7 + 1.5 * cellDeg;
const link: ProfileRequest = {
  from: { lat: 45.01, lon, antennaM: 30 },
  to: { lat: 45.01 + 5000 / METRES_PER_DEGREE, lon, antennaM: 10 },
  frequencyHz: 5.8e9,
  dem: plain,
};

describe('the middle of a 5 km link at 5.8 GHz', () => {
  it('samples every 25 m, one terrain cell, from end to end', () => {
    const sut = computeProfile(link);
    expect(sut.distanceM).toBeCloseTo(5000, 6);
    expect(sut.sampleSpacingM).toBeCloseTo(25, 6);
    expect(sut.samples).toHaveLength(201);
    expect(sut.samples[200].distanceM).toBeCloseTo(5000, 6);
  });

  it('has the first Fresnel radius and the earth bulge of the formulas, to the centimetre', () => {
    const middle = computeProfile(link).samples[100];
    expect(middle.distanceM).toBeCloseTo(2500, 6);
    expect(Math.abs(middle.fresnelRadiusM - 8.038)).toBeLessThan(0.01);
    expect(Math.abs(middle.earthBulgeM - 0.368)).toBeLessThan(0.01);
    expect(middle.fresnelRadiusM).toBeCloseTo(8.03806, 4);
    expect(middle.earthBulgeM).toBeCloseTo(0.367877, 5);
  });

  it('draws the line of sight between the antenna tips and measures clearance over the bulged plain', () => {
    // Tips at 130 m and 110 m: 120 m halfway. Clearance 120 − (100 + 0.367 877) = 19.632 123 m, above the zone.
    const sut = computeProfile(link);
    const middle = sut.samples[100];
    expect(middle.losM).toBeCloseTo(120, 9);
    expect(middle.obstacleTopM).toBeCloseTo(100.367877, 5);
    expect(middle.clearanceM).toBeCloseTo(19.632123, 5);
    expect(middle.intrudes).toBe('clear');
    expect(sut.verdict).toBe('clear');
    // The lowest clearance is at the lower mast, 10 m above its ground.
    expect(sut.worstClearance).toMatchObject({ distanceM: sut.distanceM, fresnelRadiusM: 0 });
    expect(sut.worstClearance!.clearanceM).toBeCloseTo(10, 9);
  });

  it('takes another k-factor when asked', () => {
    const sut = computeProfile({ ...link, kFactor: 1 });
    expect(sut.kFactor).toBe(1);
    expect(sut.samples[100].earthBulgeM).toBeCloseTo(0.490503, 5);
  });
});
