import { GeoPoint, METRES_PER_DEGREE } from './geodesy';

/** The cell values as a tile stores them: SRTM uses 16-bit integers, Copernicus 32-bit floats. */
export type GridSamples = Float32Array | Float64Array | Int16Array | Uint16Array | Int32Array | Uint8Array;

/**
 * A raster of heights in metres on a latitude/longitude grid, north-up, row by row from the north-west
 * corner: a terrain model (height above sea level) or a clutter model (height of trees and buildings
 * above the ground). Cell (row, col) covers the square whose north-west corner is
 * (northLat - row·pixelHeightDeg, westLon + col·pixelWidthDeg); its value is the height at the centre.
 */
export interface ElevationGrid {
  /** West edge of the first column, degrees east. */
  westLon: number;
  /** North edge of the first row, degrees north. */
  northLat: number;
  pixelWidthDeg: number;
  pixelHeightDeg: number;
  width: number;
  height: number;
  /** The value marking a cell with no data (a void in the survey, sea in some products); NaN always is one. */
  noData: number | null;
  /** width·height values, row after row. */
  samples: GridSamples;
}

/** Checks that a grid's numbers describe a usable raster, so sampling never reads past its samples. */
export function assertUsableGrid(grid: ElevationGrid, name = 'elevation grid'): void {
  const positive = (n: number) => Number.isFinite(n) && n > 0;
  if (!positive(grid.pixelWidthDeg) || !positive(grid.pixelHeightDeg)) {
    throw new RangeError(`${name}: the pixel size must be positive degrees`);
  }
  if (!Number.isInteger(grid.width) || !Number.isInteger(grid.height) || grid.width < 1 || grid.height < 1) {
    throw new RangeError(`${name}: width and height must be whole numbers of cells`);
  }
  if (grid.samples.length !== grid.width * grid.height) {
    throw new RangeError(`${name}: ${grid.samples.length} values for ${grid.width}×${grid.height} cells`);
  }
  if (!Number.isFinite(grid.westLon) || !Number.isFinite(grid.northLat)) {
    throw new RangeError(`${name}: the north-west corner must be a position`);
  }
}

/** The position a cell's value stands for: the centre of the cell. */
export function cellCentre(grid: ElevationGrid, row: number, col: number): GeoPoint {
  return { lat: grid.northLat - (row + 0.5) * grid.pixelHeightDeg, lon: grid.westLon + (col + 0.5) * grid.pixelWidthDeg };
}

function cellValue(grid: ElevationGrid, row: number, col: number): number | null {
  const value = grid.samples[row * grid.width + col];
  return Number.isNaN(value) || value === grid.noData ? null : value;
}

/**
 * A cell position within a billionth of a cell of a half or whole cell is taken as exactly there, so that
 * decimal degrees (45.985 is not exact in binary) neither step off the grid's edge nor give a hole beside
 * a cell's centre line a sliver of weight.
 */
function snapped(cells: number): number {
  const half = Math.round(cells * 2) / 2;
  return Math.abs(cells - half) < 1e-9 ? half : cells;
}

/**
 * The height at a point, interpolated bilinearly between the four nearest cell centres. Null outside the
 * grid, and null wherever a cell that contributes is a no-data cell: a height is never invented from a
 * hole. Within the outer half cell the edge values are used as they are.
 */
export function heightAt(grid: ElevationGrid, point: GeoPoint): number | null {
  const x = snapped((point.lon - grid.westLon) / grid.pixelWidthDeg - 0.5);
  const y = snapped((grid.northLat - point.lat) / grid.pixelHeightDeg - 0.5);
  if (!(x >= -0.5 && x <= grid.width - 0.5 && y >= -0.5 && y <= grid.height - 0.5)) return null;
  const clampedX = Math.min(Math.max(x, 0), grid.width - 1);
  const clampedY = Math.min(Math.max(y, 0), grid.height - 1);
  // The last column (row) pairs with the one before it, at full weight, so a neighbour never falls off the grid.
  const col = Math.min(Math.floor(clampedX), Math.max(grid.width - 2, 0));
  const row = Math.min(Math.floor(clampedY), Math.max(grid.height - 2, 0));
  const fx = clampedX - col;
  const fy = clampedY - row;
  let sum = 0;
  for (const [dRow, dCol, weight] of [
    [0, 0, (1 - fx) * (1 - fy)],
    [0, 1, fx * (1 - fy)],
    [1, 0, (1 - fx) * fy],
    [1, 1, fx * fy],
  ]) {
    if (weight === 0) continue;
    const value = cellValue(grid, row + dRow, col + dCol);
    if (value === null) return null;
    sum += weight * value;
  }
  return sum;
}

/**
 * The grid's resolution in metres along a path of the given bearing at the given latitude: how far the
 * path runs before it has moved one cell across or one cell down, whichever comes first. A path due
 * north gets the cell height, one due east the (narrower, away from the equator) cell width.
 */
export function pixelSpacingAlongBearingMetres(grid: ElevationGrid, latitudeDeg: number, bearingDeg: number): number {
  const cellWidthM = grid.pixelWidthDeg * METRES_PER_DEGREE * Math.cos((latitudeDeg * Math.PI) / 180);
  const cellHeightM = grid.pixelHeightDeg * METRES_PER_DEGREE;
  const bearing = (bearingDeg * Math.PI) / 180;
  const cellsPerMetre = Math.max(Math.abs(Math.sin(bearing)) / cellWidthM, Math.abs(Math.cos(bearing)) / cellHeightM);
  return 1 / cellsPerMetre;
}
