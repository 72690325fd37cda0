import {
  EARTH_MEAN_RADIUS_M,
  greatCircleDistanceMetres,
  initialBearingDegrees,
  pointAlongGreatCircle,
  pointsAlongPath,
} from '../../src/elevation/geodesy';

describe('distances and points on the earth', () => {
  it('measures a degree of latitude, a degree along the equator and a quarter meridian on the mean sphere', () => {
    // By hand: one degree is R·π/180 = 6 371 008.8 × 0.017 453 292 5 = 111 195.08 m;
    // equator to pole is R·π/2 = 10 007 557.2 m.
    expect(greatCircleDistanceMetres({ lat: 45, lon: 7 }, { lat: 46, lon: 7 })).toBeCloseTo(111_195.08, 1);
    expect(greatCircleDistanceMetres({ lat: 0, lon: 10 }, { lat: 0, lon: 11 })).toBeCloseTo(111_195.08, 1);
    expect(greatCircleDistanceMetres({ lat: 0, lon: 0 }, { lat: 90, lon: 0 })).toBeCloseTo(10_007_557.2, 0);
    expect(EARTH_MEAN_RADIUS_M).toBe(6_371_008.8);
  });

  it('shrinks a degree of longitude with the cosine of the latitude', () => {
    // At 60° north cos = 0.5, so a short step east is half as long as on the equator: 111.195 m per 0.001°.
    expect(greatCircleDistanceMetres({ lat: 60, lon: 7 }, { lat: 60, lon: 7.001 })).toBeCloseTo(55.598, 2);
  });

  it('gives the bearing a path leaves at', () => {
    expect(initialBearingDegrees({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(90, 9);
    expect(initialBearingDegrees({ lat: 10, lon: 5 }, { lat: 11, lon: 5 })).toBeCloseTo(0, 9);
    expect(initialBearingDegrees({ lat: 10, lon: 5 }, { lat: 9, lon: 5 })).toBeCloseTo(180, 9);
    expect(initialBearingDegrees({ lat: 0, lon: 0 }, { lat: 0, lon: -1 })).toBeCloseTo(270, 9);
  });

  it('finds points along the great circle, which bows towards the pole between two points of one parallel', () => {
    const middle = pointAlongGreatCircle({ lat: 0, lon: 10 }, { lat: 0, lon: 20 }, 0.5);
    expect(middle.lat).toBeCloseTo(0, 9);
    expect(middle.lon).toBeCloseTo(15, 9);
    const north = pointAlongGreatCircle({ lat: 45, lon: 0 }, { lat: 45, lon: 10 }, 0.5);
    expect(north.lon).toBeCloseTo(5, 9);
    expect(north.lat).toBeGreaterThan(45.1);
  });

  it('spaces points evenly from end to end, never further apart than asked', () => {
    const from = { lat: 45, lon: 7 };
    const to = { lat: 45 + 1000 / 111_195.080_233_5, lon: 7 }; // 1000 m due north
    const points = pointsAlongPath(from, to, 300);
    // 1000 m in steps of at most 300 m takes ⌈1000/300⌉ = 4 steps of 250 m, so 5 points.
    expect(points.map((p) => Math.round(p.distanceM * 1000) / 1000)).toEqual([0, 250, 500, 750, 1000]);
    expect(points[0]).toMatchObject(from);
    expect(points[4]).toMatchObject(to);
    expect(points[2].lat).toBeCloseTo(45 + 500 / 111_195.080_233_5, 9);
  });

  it('takes at least the two ends, and no extra point when the length is an exact number of steps', () => {
    const from = { lat: 0, lon: 0 };
    const to = { lat: 0, lon: 0.001 };
    expect(pointsAlongPath(from, to, 10_000)).toHaveLength(2);
    const length = greatCircleDistanceMetres(from, to);
    expect(pointsAlongPath(from, to, length / 4)).toHaveLength(5);
    expect(() => pointsAlongPath(from, to, 0)).toThrow(RangeError);
  });
});
