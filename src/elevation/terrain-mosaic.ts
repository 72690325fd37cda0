import { ElevationGrid, heightAt } from './elevation-grid';
import { GeoPoint, pointAlongGreatCircle } from './geodesy';

/** A box of latitude and longitude, degrees; west < east (nothing here crosses the antimeridian). */
export interface GeoBounds {
  west: number;
  east: number;
  south: number;
  north: number;
}

/**
 * The most cells a mosaic may hold: 16 million 32-bit heights, 64 MB. At 1″ that is a box 4000 cells
 * a side, a diagonal path of about 170 km; fixed-wireless links are far shorter.
 */
export const MAX_MOSAIC_CELLS = 16_000_000;

/** A path whose tiles would make a larger mosaic than MAX_MOSAIC_CELLS. */
export class MosaicTooLarge extends Error {
  constructor(readonly cells: number) {
    super(`the path crosses ${cells} terrain cells over several tiles; at most ${MAX_MOSAIC_CELLS} are put together for one profile`);
    this.name = 'MosaicTooLarge';
  }
}

export function gridBounds(grid: ElevationGrid): GeoBounds {
  return {
    west: grid.westLon,
    east: grid.westLon + grid.width * grid.pixelWidthDeg,
    south: grid.northLat - grid.height * grid.pixelHeightDeg,
    north: grid.northLat,
  };
}

/** Points taken along the path to find its box: the great circle bows away from the straight line between its ends. */
const BOX_POINTS = 64;

/**
 * The box the tiles of a path must be looked for in: every point of the great circle between the ends,
 * widened by a margin (a few cells, so the interpolation next to an end finds its neighbours).
 */
export function pathBounds(a: GeoPoint, b: GeoPoint, marginDeg: number): GeoBounds {
  const points = Array.from({ length: BOX_POINTS + 1 }, (_, i) => pointAlongGreatCircle(a, b, i / BOX_POINTS));
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  return {
    west: Math.max(-180, Math.min(...lons) - marginDeg),
    east: Math.min(180, Math.max(...lons) + marginDeg),
    south: Math.max(-90, Math.min(...lats) - marginDeg),
    north: Math.min(90, Math.max(...lats) + marginDeg),
  };
}

/**
 * The grid a profile reads over a box, from tiles listed best first (finest, then newest):
 *
 * - no tile: null;
 * - one tile: that tile as it is (outside it a point has no data, and a profile counts it unknown);
 * - several: a mosaic over the box on the best tile's cells, each cell taken from the first tile that
 *   has a height there and left without data (NaN) where none has. Even when the best tile holds the
 *   whole box, a void in it is filled from the next.
 */
export function terrainOver(box: GeoBounds, tiles: ElevationGrid[], maxCells = MAX_MOSAIC_CELLS): ElevationGrid | null {
  if (tiles.length === 0) return null;
  if (tiles.length === 1) return tiles[0];

  const best = tiles[0];
  const pw = best.pixelWidthDeg;
  const ph = best.pixelHeightDeg;
  // On the best tile's own cell lines, so its cells are copied exactly rather than interpolated.
  const firstCol = Math.floor((box.west - best.westLon) / pw);
  const lastCol = Math.ceil((box.east - best.westLon) / pw);
  const firstRow = Math.floor((best.northLat - box.north) / ph);
  const lastRow = Math.ceil((best.northLat - box.south) / ph);
  const width = Math.max(1, lastCol - firstCol);
  const height = Math.max(1, lastRow - firstRow);
  if (width * height > maxCells) throw new MosaicTooLarge(width * height);

  const westLon = best.westLon + firstCol * pw;
  const northLat = best.northLat - firstRow * ph;
  const samples = new Float32Array(width * height).fill(Number.NaN);
  for (let row = 0; row < height; row++) {
    const lat = northLat - (row + 0.5) * ph;
    for (let col = 0; col < width; col++) {
      const point = { lat, lon: westLon + (col + 0.5) * pw };
      for (const tile of tiles) {
        const value = heightAt(tile, point);
        if (value !== null) {
          samples[row * width + col] = value;
          break;
        }
      }
    }
  }
  return { westLon, northLat, pixelWidthDeg: pw, pixelHeightDeg: ph, width, height, noData: null, samples };
}
