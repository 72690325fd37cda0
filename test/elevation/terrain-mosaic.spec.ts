import { computeProfile } from '../../src/elevation/elevation-profile';
import { cellCentre, ElevationGrid, heightAt } from '../../src/elevation/elevation-grid';
import { MosaicTooLarge, pathBounds, terrainOver } from '../../src/elevation/terrain-mosaic';
import { syntheticTerrain, SyntheticTerrain } from '../../src/elevation/synthetic-terrain';

const ARC_SECOND = 1 / 3600;

/**
 * One terrain cut into the tiles an operator uploads: a plain at 100 m on a 1″ grid with a 60 m ridge
 * along 7.025° E (as in ridge-profile.spec.ts), 288 cells across, split at column 144 into a west and an
 * east tile. A profile read from the two put together is the profile read from the whole.
 */
const whole: SyntheticTerrain = {
  westLon: 7,
  northLat: 45.06,
  pixelDeg: ARC_SECOND,
  width: 288,
  height: 216,
  plainM: 100,
  features: [{ kind: 'ridge', from: { lat: 45.025, lon: 7.025 }, to: { lat: 45.035, lon: 7.025 }, heightM: 60, halfWidthM: 150 }],
};
const wholeGrid = syntheticTerrain(whole);
const west = syntheticTerrain({ ...whole, width: 144 });
const east = syntheticTerrain({ ...whole, westLon: 7 + 144 * ARC_SECOND, width: 144 });

const link = (dem: ElevationGrid) =>
  computeProfile({ from: { lat: 45.03, lon: 7.01, antennaM: 10 }, to: { lat: 45.03, lon: 7.07, antennaM: 10 }, frequencyHz: 5.8e9, dem });

describe('putting terrain tiles together for a path', () => {
  it('gives the profile of the whole terrain from two tiles that each hold half of it', () => {
    const box = pathBounds({ lat: 45.03, lon: 7.01 }, { lat: 45.03, lon: 7.07 }, 0.002);
    const sut = terrainOver(box, [west, east]);
    expect(sut).not.toBe(west);
    expect(sut).not.toBe(east);
    const together = link(sut!);
    const alone = link(wholeGrid);
    expect(together.verdict).toBe('blocked');
    expect(together.samples).toHaveLength(alone.samples.length);
    expect(together.firstBlockedAtM).toBeCloseTo(alone.firstBlockedAtM!, 6);
    // Float32 cells, as the whole grid's: the same heights to the last bit.
    together.samples.forEach((s, i) => expect(s.groundM).toBeCloseTo(alone.samples[i].groundM!, 4));
  });

  it('uses a lone tile as it is, even where the path leaves it, and none without tiles', () => {
    const box = pathBounds({ lat: 45.03, lon: 7.01 }, { lat: 45.03, lon: 7.07 }, 0.002);
    expect(terrainOver(box, [east])).toBe(east);
    expect(terrainOver(box, [])).toBeNull();
    // Read from the east half alone, the ridge in the west half is unknown, never open ground.
    const offEast = computeProfile({
      from: { lat: 45.03, lon: 7.01, antennaM: 10, groundM: 100 },
      to: { lat: 45.03, lon: 7.07, antennaM: 10 },
      frequencyHz: 5.8e9,
      dem: east,
    });
    expect(offEast.verdict).toBe('incomplete');
    expect(offEast.unknownSamples).toBeGreaterThan(50);
  });

  it('fills a void of the best tile from the next one, and leaves cells no tile has without data', () => {
    // A finer-listed patch with a hole, over the west tile: where the patch has no data, the west tile's height shows.
    const patch = syntheticTerrain({
      ...whole,
      plainM: 150,
      features: [],
      width: 40,
      height: 40,
      voids: [{ firstRow: 10, lastRow: 19, firstCol: 10, lastCol: 19 }],
    });
    const box = { west: 6.99, east: 7.02, south: 45.045, north: 45.065 };
    const sut = terrainOver(box, [patch, west])!;
    expect(heightAt(sut, cellCentre(patch, 5, 5))).toBe(150);
    expect(heightAt(sut, cellCentre(patch, 15, 15))).toBe(100);
    expect(heightAt(sut, cellCentre(patch, 30, 60))).toBe(100);
    // West of 7° E and north of 45.06° N no tile reaches.
    expect(heightAt(sut, { lat: 45.05, lon: 6.995 })).toBeNull();
    expect(heightAt(sut, { lat: 45.063, lon: 7.01 })).toBeNull();
  });

  it('refuses to put together more cells than one profile may hold', () => {
    const box = { west: 7, east: 7.08, south: 45, north: 45.06 };
    expect(() => terrainOver(box, [west, east], 10_000)).toThrow(MosaicTooLarge);
  });

  it('boxes a path by its great circle, which bows poleward of its ends', () => {
    // 40° of longitude along 60° N: halfway, the great circle is at tan φ = tan 60° / cos 20° = 1.8432, φ = 61.52° N,
    // a point of the 64 the box is taken from.
    const sut = pathBounds({ lat: 60, lon: -20 }, { lat: 60, lon: 20 }, 0);
    expect(sut.north).toBeCloseTo(61.519, 3);
    expect(sut.south).toBeCloseTo(60, 9);
    expect(sut.west).toBeCloseTo(-20, 9);
    expect(sut.east).toBeCloseTo(20, 9);
  });
});
