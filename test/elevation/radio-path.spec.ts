import {
  earthBulgeMetres,
  fresnelRadiusMetres,
  intrusionAt,
  lineOfSightHeightMetres,
  STANDARD_K_FACTOR,
  wavelengthMetres,
} from '../../src/elevation/radio-path';

const GHZ = 1e9;

describe('radio path geometry', () => {
  it('gives the first Fresnel radius at the middle of a 5 km path at 5.8 GHz', () => {
    // By hand: λ = 299 792 458 / 5.8e9 = 0.051 688 35 m.
    // d1 = d2 = 2500 m, so d1·d2/(d1+d2) = 6 250 000 / 5000 = 1250 m.
    // r = √(0.051 688 35 × 1250) = √64.610 44 = 8.038 06 m.
    expect(wavelengthMetres(5.8 * GHZ)).toBeCloseTo(0.05168835, 8);
    expect(fresnelRadiusMetres(2500, 2500, 5.8 * GHZ)).toBeCloseTo(8.03806, 4);
  });

  it('narrows the zone towards the ends and widens it for higher zones and lower frequencies', () => {
    // 1 km from one end of 5 km: d1·d2/(d1+d2) = 1000 × 4000 / 5000 = 800; √(0.051 688 35 × 800) = 6.430 45 m.
    expect(fresnelRadiusMetres(1000, 4000, 5.8 * GHZ)).toBeCloseTo(6.43045, 4);
    expect(fresnelRadiusMetres(0, 5000, 5.8 * GHZ)).toBe(0);
    expect(fresnelRadiusMetres(5000, 0, 5.8 * GHZ)).toBe(0);
    // The n-th zone is √n times the first; halving the frequency doubles λ, so √2 times again.
    expect(fresnelRadiusMetres(2500, 2500, 5.8 * GHZ, 2)).toBeCloseTo(8.03806 * Math.SQRT2, 4);
    expect(fresnelRadiusMetres(2500, 2500, 2.9 * GHZ)).toBeCloseTo(8.03806 * Math.SQRT2, 4);
  });

  it('gives the earth bulge at the middle of a 5 km path with k = 4/3', () => {
    // By hand: 2·k·R = 2 × 4/3 × 6 371 008.8 = 16 989 356.8 m; d1·d2 = 2500 × 2500 = 6 250 000 m²;
    // bulge = 6 250 000 / 16 989 356.8 = 0.367 877 m.
    expect(STANDARD_K_FACTOR).toBeCloseTo(1.333333, 6);
    expect(earthBulgeMetres(2500, 2500)).toBeCloseTo(0.367877, 5);
  });

  it('grows the bulge with the square of the length, shrinks it for a larger k, and ends it at zero', () => {
    // 10 km: 5000² / 16 989 356.8 = 1.471 51 m. With k = 1 (no refraction): 6 250 000 / 12 742 017.6 = 0.490 503 m.
    expect(earthBulgeMetres(5000, 5000)).toBeCloseTo(1.47151, 4);
    expect(earthBulgeMetres(2500, 2500, 1)).toBeCloseTo(0.490503, 5);
    expect(earthBulgeMetres(0, 5000)).toBe(0);
  });

  it('draws the line of sight straight between the antenna tips', () => {
    // Tips at 130 m and 90 m over 4000 m: falls 1 cm a metre, so 110 m halfway and 120 m at a quarter.
    expect(lineOfSightHeightMetres(130, 90, 0, 4000)).toBe(130);
    expect(lineOfSightHeightMetres(130, 90, 1000, 4000)).toBe(120);
    expect(lineOfSightHeightMetres(130, 90, 2000, 4000)).toBe(110);
    expect(lineOfSightHeightMetres(130, 90, 4000, 4000)).toBe(90);
  });

  it('calls a point blocked below the line, Fresnel-intruded inside the first zone, and clear above it', () => {
    expect(intrusionAt(-0.01, 8)).toBe('blocked');
    expect(intrusionAt(0, 8)).toBe('fresnel');
    expect(intrusionAt(7.99, 8)).toBe('fresnel');
    expect(intrusionAt(8, 8)).toBe('clear');
    expect(intrusionAt(0, 0)).toBe('clear');
  });
});
