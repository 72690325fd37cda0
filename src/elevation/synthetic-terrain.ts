import { cellCentre, ElevationGrid } from './elevation-grid';
import { GeoPoint, METRES_PER_DEGREE } from './geodesy';

/**
 * Made-up terrain for tests and the demo, where no real elevation tiles can be fetched: a level plain
 * with ridges and hills whose heights are known exactly, and holes where a survey would have voids.
 * The same description always gives the same grid.
 *
 * Ridges and hills rise with a raised-cosine flank: height·(1 + cos(π·d/halfWidth))/2 at distance d from
 * the crest line (or the hilltop), and nothing beyond halfWidth. So the ground is level again exactly
 * halfWidth away, and the distance at which a feature reaches a given height h is
 * halfWidth/π · acos(2h/height − 1), easy to work out by hand.
 */
export type TerrainFeature =
  | { kind: 'ridge'; from: GeoPoint; to: GeoPoint; heightM: number; halfWidthM: number }
  | { kind: 'hill'; top: GeoPoint; heightM: number; halfWidthM: number };

/** A block of cells with no data, both bounds included. */
export interface TerrainVoid {
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}

export interface SyntheticTerrain {
  westLon: number;
  northLat: number;
  /** Cells are square in degrees, as in SRTM and Copernicus tiles (1 arc-second is 1/3600). */
  pixelDeg: number;
  width: number;
  height: number;
  plainM: number;
  features?: TerrainFeature[];
  voids?: TerrainVoid[];
  /** 'int16' rounds to whole metres, as SRTM stores heights; 'float32' keeps decimals, as Copernicus. */
  storage?: 'float32' | 'int16';
}

/** The no-data value of synthetic grids, the one SRTM uses for its voids. */
export const SYNTHETIC_NO_DATA = -32768;

/** Metres east and north of a reference point, on a plane tangent there: exact enough across a small grid. */
function localMetres(point: GeoPoint, reference: GeoPoint): { x: number; y: number } {
  const cosLat = Math.cos((reference.lat * Math.PI) / 180);
  return { x: (point.lon - reference.lon) * METRES_PER_DEGREE * cosLat, y: (point.lat - reference.lat) * METRES_PER_DEGREE };
}

function distanceToFeatureMetres(point: GeoPoint, feature: TerrainFeature): number {
  if (feature.kind === 'hill') {
    const { x, y } = localMetres(point, feature.top);
    return Math.hypot(x, y);
  }
  const p = localMetres(point, feature.from);
  const end = localMetres(feature.to, feature.from);
  const lengthSquared = end.x ** 2 + end.y ** 2;
  const along = lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, (p.x * end.x + p.y * end.y) / lengthSquared));
  return Math.hypot(p.x - along * end.x, p.y - along * end.y);
}

/** Height a feature adds at a distance from its crest. */
export function raisedCosineHeight(heightM: number, halfWidthM: number, distanceM: number): number {
  if (distanceM >= halfWidthM) return 0;
  return (heightM * (1 + Math.cos((Math.PI * distanceM) / halfWidthM))) / 2;
}

export function syntheticTerrain(spec: SyntheticTerrain): ElevationGrid {
  const storage = spec.storage ?? 'float32';
  const cells = spec.width * spec.height;
  const samples = storage === 'int16' ? new Int16Array(cells) : new Float32Array(cells);
  const grid: ElevationGrid = {
    westLon: spec.westLon,
    northLat: spec.northLat,
    pixelWidthDeg: spec.pixelDeg,
    pixelHeightDeg: spec.pixelDeg,
    width: spec.width,
    height: spec.height,
    noData: SYNTHETIC_NO_DATA,
    samples,
  };
  for (let row = 0; row < spec.height; row++) {
    for (let col = 0; col < spec.width; col++) {
      const centre = cellCentre(grid, row, col);
      // Where features overlap the higher one wins, as two hills merge into one shoulder.
      const rise = Math.max(
        0,
        ...(spec.features ?? []).map((f) => raisedCosineHeight(f.heightM, f.halfWidthM, distanceToFeatureMetres(centre, f))),
      );
      const heightM = spec.plainM + rise;
      samples[row * spec.width + col] = storage === 'int16' ? Math.round(heightM) : heightM;
    }
  }
  for (const hole of spec.voids ?? []) {
    if (hole.firstRow < 0 || hole.firstCol < 0 || hole.lastRow >= spec.height || hole.lastCol >= spec.width) {
      throw new RangeError(`a void reaches outside the ${spec.width}×${spec.height} grid`);
    }
    for (let row = hole.firstRow; row <= hole.lastRow; row++) {
      for (let col = hole.firstCol; col <= hole.lastCol; col++) samples[row * spec.width + col] = SYNTHETIC_NO_DATA;
    }
  }
  return grid;
}
