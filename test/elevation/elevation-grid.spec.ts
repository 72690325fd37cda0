import { assertUsableGrid, cellCentre, ElevationGrid, heightAt, pixelSpacingAlongBearingMetres } from '../../src/elevation/elevation-grid';
import { raisedCosineHeight, SYNTHETIC_NO_DATA, syntheticTerrain } from '../../src/elevation/synthetic-terrain';

/**
 * A 3×3 grid of 0.01° cells whose north-west corner is 46° N 7° E:
 *   100 110 120
 *   130 140 150
 *   160  ∅  180   (∅: no data)
 */
const grid: ElevationGrid = {
  westLon: 7,
  northLat: 46,
  pixelWidthDeg: 0.01,
  pixelHeightDeg: 0.01,
  width: 3,
  height: 3,
  noData: -9999,
  samples: new Float32Array([100, 110, 120, 130, 140, 150, 160, -9999, 180]),
};

describe('an elevation grid', () => {
  it('places each value at the centre of its cell', () => {
    expect(cellCentre(grid, 0, 0)).toEqual({ lat: 45.995, lon: 7.005 });
    expect(heightAt(grid, { lat: 45.995, lon: 7.005 })).toBe(100);
    expect(heightAt(grid, cellCentre(grid, 1, 2))).toBe(150);
  });

  it('interpolates bilinearly between the four nearest centres', () => {
    // Halfway between the centres of 100, 110, 130 and 140: their mean, 120.
    expect(heightAt(grid, { lat: 45.99, lon: 7.01 })).toBeCloseTo(120, 9);
    // A quarter of the way east from 100 towards 110, on the first row's centre line: 102.5.
    expect(heightAt(grid, { lat: 45.995, lon: 7.0075 })).toBeCloseTo(102.5, 9);
  });

  it('uses the edge values in the outer half cell and knows nothing outside the grid', () => {
    expect(heightAt(grid, { lat: 45.999, lon: 7.001 })).toBe(100);
    expect(heightAt(grid, { lat: 45.97, lon: 7.03 })).toBe(180);
    expect(heightAt(grid, { lat: 46.001, lon: 7.01 })).toBeNull();
    expect(heightAt(grid, { lat: 45.99, lon: 6.999 })).toBeNull();
    expect(heightAt(grid, { lat: 45.969, lon: 7.01 })).toBeNull();
  });

  it('answers null, never a made-up height, wherever a no-data cell contributes', () => {
    expect(heightAt(grid, cellCentre(grid, 2, 1))).toBeNull();
    expect(heightAt(grid, { lat: 45.98, lon: 7.01 })).toBeNull();
    expect(heightAt(grid, { lat: 45.98, lon: 7.02 })).toBeNull();
    // On the centre line of the row above, the no-data cell carries no weight.
    expect(heightAt(grid, { lat: 45.985, lon: 7.015 })).toBeCloseTo(140, 9);
    // NaN is no data too, whatever the grid's no-data value.
    expect(
      heightAt({ ...grid, samples: new Float32Array([NaN, 110, 120, 130, 140, 150, 160, 170, 180]) }, { lat: 45.995, lon: 7.005 }),
    ).toBeNull();
  });

  it('converts the cell size to metres along a path: the cell height going north, the narrower width going east', () => {
    const arcSecond = { ...grid, pixelWidthDeg: 1 / 3600, pixelHeightDeg: 1 / 3600 };
    // 111 195.08 m / 3600 = 30.888 m; at 60° the width is half of it, 15.444 m.
    expect(pixelSpacingAlongBearingMetres(arcSecond, 60, 0)).toBeCloseTo(30.888, 3);
    expect(pixelSpacingAlongBearingMetres(arcSecond, 60, 90)).toBeCloseTo(15.444, 3);
    expect(pixelSpacingAlongBearingMetres(arcSecond, 60, 270)).toBeCloseTo(15.444, 3);
    // North-east at 60°: a column every 15.444/sin 45° = 21.84 m comes before a row every 30.888/cos 45° = 43.68 m.
    expect(pixelSpacingAlongBearingMetres(arcSecond, 60, 45)).toBeCloseTo(21.841, 3);
  });

  it('refuses a grid whose numbers do not describe its values', () => {
    expect(() => assertUsableGrid(grid)).not.toThrow();
    expect(() => assertUsableGrid({ ...grid, width: 4 })).toThrow('9 values for 4×3 cells');
    expect(() => assertUsableGrid({ ...grid, pixelHeightDeg: -0.01 })).toThrow('pixel size');
  });
});

describe('synthetic terrain', () => {
  const base = { westLon: 7, northLat: 46, pixelDeg: 1 / 3600, width: 60, height: 40, plainM: 100 };

  it('rises over a ridge with a raised-cosine flank and is level again a half-width away', () => {
    // Halfway down the flank the ridge adds half its height; a quarter of the way, (1 + cos 45°)/2 = 85.36 %.
    expect(raisedCosineHeight(60, 150, 0)).toBe(60);
    expect(raisedCosineHeight(60, 150, 75)).toBeCloseTo(30, 9);
    expect(raisedCosineHeight(60, 150, 37.5)).toBeCloseTo(51.213, 3);
    expect(raisedCosineHeight(60, 150, 150)).toBe(0);

    const ridge = syntheticTerrain({
      ...base,
      features: [{ kind: 'ridge', from: { lat: 45.995, lon: 7.0 }, to: { lat: 45.995, lon: 7.02 }, heightM: 50, halfWidthM: 200 }],
    });
    // The crest at 45.995° is 18″ south of 46°; row 17's centre, 17.5″ south, is half a second (15.44 m) north of it.
    expect(ridge.samples[17 * 60 + 30]).toBeCloseTo(100 + raisedCosineHeight(50, 200, 15.444), 2);
    expect(ridge.samples[0]).toBe(100);
  });

  it('is the same every time, stores whole metres when asked, and marks its voids', () => {
    const spec = {
      ...base,
      storage: 'int16' as const,
      // Topped at the centre of cell (20, 30): 33.4 m above the plain, stored as 133.
      features: [{ kind: 'hill' as const, top: { lat: 46 - 20.5 / 3600, lon: 7 + 30.5 / 3600 }, heightM: 33.4, halfWidthM: 300 }],
      voids: [{ firstRow: 0, lastRow: 1, firstCol: 0, lastCol: 2 }],
    };
    const terrain = syntheticTerrain(spec);
    expect(terrain.samples).toBeInstanceOf(Int16Array);
    expect(terrain.samples[20 * 60 + 30]).toBe(133);
    expect(terrain.samples[1 * 60 + 2]).toBe(SYNTHETIC_NO_DATA);
    expect(terrain.samples[2 * 60 + 2]).not.toBe(SYNTHETIC_NO_DATA);
    expect(syntheticTerrain(spec).samples).toEqual(terrain.samples);
    expect(() => syntheticTerrain({ ...base, voids: [{ firstRow: 39, lastRow: 40, firstCol: 0, lastCol: 0 }] })).toThrow(RangeError);
  });
});
