import { GroundUnknownAtPathEnd, InvalidProfileRequest } from '../../src/elevation/elevation.errors';
import { computeProfile, ProfileRequest } from '../../src/elevation/elevation-profile';
import { syntheticTerrain } from '../../src/elevation/synthetic-terrain';

/**
 * A level plain at 100 m on a 1″ grid with two voids five cells wide (columns 150 to 154), one across
 * rows 95–105 and one across rows 20–30, where a 60 m ridge also crosses at 7.06° E. Links run due east
 * along the centre line of row 100 (or row 25) from 7.01° to 7.07° E.
 *
 * A sample at column position x (x = 150 is the centre of column 150) leans on the columns either side;
 * it is unknown when one of them is a void with some weight: 149 < x < 155. That is about six samples,
 * one per cell; none of them may come out as a height of 0 or 100.
 */
const ARC_SECOND = 1 / 3600;
const terrain = syntheticTerrain({
  westLon: 7,
  northLat: 45.06,
  pixelDeg: ARC_SECOND,
  width: 288,
  height: 216,
  plainM: 100,
  features: [{ kind: 'ridge', from: { lat: 45.05, lon: 7.06 }, to: { lat: 45.056, lon: 7.06 }, heightM: 60, halfWidthM: 150 }],
  voids: [
    { firstRow: 95, lastRow: 105, firstCol: 150, lastCol: 154 },
    { firstRow: 20, lastRow: 30, firstCol: 150, lastCol: 154 },
  ],
});
const rowCentre = (row: number) => 45.06 - (row + 0.5) * ARC_SECOND;
const eastward = (lat: number): ProfileRequest => ({
  from: { lat, lon: 7.01, antennaM: 10 },
  to: { lat, lon: 7.07, antennaM: 10 },
  frequencyHz: 5.8e9,
  dem: terrain,
});
const columnOf = (lon: number) => (lon - 7) / ARC_SECOND - 0.5;

describe('a terrain model with voids', () => {
  it('reports the points over a void as unknown, not as level ground, and calls the profile incomplete', () => {
    const sut = computeProfile(eastward(rowCentre(100)));
    const overVoid = sut.samples.filter((s) => columnOf(s.lon) > 149 && columnOf(s.lon) < 155);
    const elsewhere = sut.samples.filter((s) => columnOf(s.lon) <= 149 || columnOf(s.lon) >= 155);
    expect(overVoid.length).toBeGreaterThanOrEqual(5);
    for (const sample of overVoid) {
      expect(sample).toMatchObject({ groundM: null, obstacleTopM: null, clearanceM: null, intrudes: 'unknown' });
      expect(sample.losM).toBeCloseTo(110, 9);
      expect(sample.fresnelRadiusM).toBeGreaterThan(0);
    }
    expect(elsewhere.every((s) => Math.abs(s.groundM! - 100) < 1e-9 && s.intrudes === 'clear')).toBe(true);
    expect(sut.unknownSamples).toBe(overVoid.length);
    expect(sut.verdict).toBe('incomplete');
    expect(sut.firstBlockedAtM).toBeNull();
  });

  it('still calls a link blocked when the terrain it does know cuts the line', () => {
    const sut = computeProfile(eastward(rowCentre(25)));
    expect(sut.unknownSamples).toBeGreaterThanOrEqual(5);
    expect(sut.verdict).toBe('blocked');
    // The ridge's crest is 0.05° east of the start, 0.05 × 111 195.08 × cos 45.053° = 3927.7 m along;
    // it cuts the level line at 110 m about 110 m before it (as worked out for the ridge link).
    expect(Math.abs(sut.firstBlockedAtM! - (3927.7 - 110.3))).toBeLessThanOrEqual(21.83);
  });

  it('refuses to guess the antenna’s footing over a void, and takes a surveyed ground height instead', () => {
    const inVoid = { lat: rowCentre(100), lon: 7 + 152 * ARC_SECOND };
    const link = eastward(rowCentre(100));
    expect(() => computeProfile({ ...link, from: { ...inVoid, antennaM: 10 } })).toThrow(GroundUnknownAtPathEnd);
    expect(() => computeProfile({ ...link, to: { ...inVoid, antennaM: 10 } })).toThrow('at the end of the path');
    const sut = computeProfile({ ...link, from: { ...inVoid, antennaM: 10, groundM: 98 } });
    expect(sut.samples[0]).toMatchObject({ groundM: 98, losM: 108, clearanceM: 10, intrudes: 'clear' });
  });

  it('refuses a link that leaves the terrain model at one end, unless that end’s ground is given', () => {
    const link = eastward(rowCentre(100));
    const outside = { lat: rowCentre(100), lon: 7.09, antennaM: 10 };
    expect(() => computeProfile({ ...link, to: outside })).toThrow(GroundUnknownAtPathEnd);
    const sut = computeProfile({ ...link, to: { ...outside, groundM: 100 } });
    expect(sut.verdict).toBe('incomplete');
    expect(sut.samples.filter((s) => s.lon > 7.08).every((s) => s.intrudes === 'unknown' || s.distanceM === sut.distanceM)).toBe(true);
  });

  it('names the field and rule of a request it cannot profile', () => {
    const link = eastward(rowCentre(100));
    const refusal = (request: ProfileRequest) => {
      try {
        computeProfile(request);
      } catch (error) {
        return error instanceof InvalidProfileRequest ? `${error.field}:${error.rule}` : String(error);
      }
      return 'accepted';
    };
    expect(refusal({ ...link, frequencyHz: 0 })).toBe('frequencyHz:isPositive');
    expect(refusal({ ...link, from: { ...link.from, antennaM: -1 } })).toBe('from.antennaM:min');
    expect(refusal({ ...link, to: { ...link.to, lat: 91 } })).toBe('to.lat:latitude');
    expect(refusal({ ...link, to: { ...link.from } })).toBe('to:distinctFromStart');
    expect(refusal({ ...link, kFactor: Number.NaN })).toBe('kFactor:isPositive');
    expect(refusal({ ...link, to: { lat: 10, lon: 7.07, antennaM: 10, groundM: 0 } })).toBe('to:withinReach');
    expect(refusal(link)).toBe('accepted');
  });
});
