import { ElevationGrid } from '../../src/elevation/elevation-grid';
import { computeProfile, ProfileRequest } from '../../src/elevation/elevation-profile';
import { syntheticTerrain } from '../../src/elevation/synthetic-terrain';

/**
 * A level plain at 100 m on a 1″ grid, and a clutter model on the same grid, 0 m except:
 *   rows 40–60: a belt of 20 m trees over columns 100–110, and no clutter data over columns 200–202;
 *   rows 140–160: 25 m of buildings over columns 35–36, right under the western antenna.
 * Links run due east along the centre line of row 50 (or 150) from 7.01° to 7.07° E with 10 m masts,
 * 4715.1 m long, a sample every 21.83 m. At column position x the start is x = 35.5.
 *
 * By hand, entering the belt: between the centres of columns 99 and 100 the clutter rises as 20·(x − 99).
 * About 1397 m in, the bulge is 1397 × 3318 / 16 989 357 = 0.273 m, so the line (10 m above the plain) is
 * cut once 20·(x − 99) > 9.727, at x = 99.486: (99.486 − 35.5) × 21.829 = 1396.8 m along.
 */
const ARC_SECOND = 1 / 3600;
const geometry = { westLon: 7, northLat: 45.06, pixelDeg: ARC_SECOND, width: 288, height: 216 };
const terrain = syntheticTerrain({ ...geometry, plainM: 100 });

function clutterModel(): ElevationGrid {
  const samples = new Float32Array(288 * 216);
  const fill = (rows: [number, number], cols: [number, number], value: number) => {
    for (let row = rows[0]; row <= rows[1]; row++) samples.fill(value, row * 288 + cols[0], row * 288 + cols[1] + 1);
  };
  fill([40, 60], [100, 110], 20);
  fill([40, 60], [200, 202], -9999);
  fill([140, 160], [35, 36], 25);
  return {
    westLon: 7,
    northLat: 45.06,
    pixelWidthDeg: ARC_SECOND,
    pixelHeightDeg: ARC_SECOND,
    width: 288,
    height: 216,
    noData: -9999,
    samples,
  };
}

const rowCentre = (row: number) => 45.06 - (row + 0.5) * ARC_SECOND;
const columnOf = (lon: number) => (lon - 7) / ARC_SECOND - 0.5;
const eastward = (lat: number): ProfileRequest => ({
  from: { lat, lon: 7.01, antennaM: 10 },
  to: { lat, lon: 7.07, antennaM: 10 },
  frequencyHz: 5.8e9,
  dem: terrain,
  clutter: clutterModel(),
});

describe('clutter along a link', () => {
  it('blocks the link where the trees rise above the line, though the ground is level', () => {
    const sut = computeProfile(eastward(rowCentre(50)));
    expect(sut.verdict).toBe('blocked');
    expect(Math.abs(sut.firstBlockedAtM! - 1396.8)).toBeLessThanOrEqual(21.83);
    const inBelt = sut.samples.find((s) => columnOf(s.lon) > 100.5 && columnOf(s.lon) < 109.5)!;
    expect(inBelt).toMatchObject({ clutterM: 20, intrudes: 'blocked' });
    expect(inBelt.groundM).toBeCloseTo(100, 9);
    expect(inBelt.obstacleTopM).toBeCloseTo(120 + inBelt.earthBulgeM, 9);
    // Without the clutter model the same link is clear.
    expect(computeProfile({ ...eastward(rowCentre(50)), clutter: undefined }).verdict).toBe('clear');
  });

  it('judges points without clutter data on the bare terrain, and counts them', () => {
    const sut = computeProfile(eastward(rowCentre(50)));
    const noClutter = sut.samples.filter((s) => columnOf(s.lon) > 199 && columnOf(s.lon) < 203);
    expect(noClutter.length).toBeGreaterThanOrEqual(3);
    expect(noClutter.every((s) => s.clutterM === null && s.intrudes === 'clear')).toBe(true);
    expect(sut.clutterUnknownSamples).toBe(noClutter.length);
    expect(sut.unknownSamples).toBe(0);
  });

  it('leaves out what stands under an antenna, which is mounted on or above it', () => {
    const sut = computeProfile(eastward(rowCentre(150)));
    expect(sut.samples[0]).toMatchObject({ clutterM: 25, groundM: 100, obstacleTopM: 100, clearanceM: 10, intrudes: 'clear' });
    // One step (one cell) on is x = 36.5, halfway between the buildings' last column and open ground:
    // 25 / 2 = 12.5 m, above the mast's 10 m.
    expect(sut.samples[1].clutterM).toBeCloseTo(12.5, 3);
    expect(sut.samples[1].intrudes).toBe('blocked');
    expect(sut.firstBlockedAtM).toBe(sut.samples[1].distanceM);
  });
});
