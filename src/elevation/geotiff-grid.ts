import { fromArrayBuffer, GeoTIFFImage } from 'geotiff';
import { ElevationTileRejected } from './elevation.errors';
import { ElevationGrid, GridSamples } from './elevation-grid';

/**
 * Reads an elevation tile, as SRTM and Copernicus DEM distribute them: a single-band GeoTIFF on a
 * latitude/longitude grid. Anything else is refused with the reason, rather than read wrongly: a
 * projected tile would put every height in the wrong place, a multi-band one is an image, not heights.
 */

/**
 * Geographic coordinate systems taken as they are. ETRS89 and NAD83 sit within about two metres of
 * WGS 84, far inside a 30 m cell, so tiles in them need no datum shift.
 */
const ACCEPTED_GEOGRAPHIC_CRS: Record<number, string> = { 4326: 'WGS 84', 4258: 'ETRS89', 4269: 'NAD83' };

const MODEL_TYPE_PROJECTED = 1;
const MODEL_TYPE_GEOGRAPHIC = 2;
/** GTRasterTypeGeoKey: the tie point marks the centre of the first cell rather than its corner. */
const RASTER_PIXEL_IS_POINT = 2;

function isTiffHeader(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  const order = String.fromCharCode(bytes[0], bytes[1]);
  const version = order === 'II' ? bytes[2] | (bytes[3] << 8) : order === 'MM' ? (bytes[2] << 8) | bytes[3] : 0;
  return version === 42 || version === 43; // classic TIFF or BigTIFF
}

/** GDAL writes its no-data value as text: a number, or "nan". */
function parseNoData(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.replace(/\0/g, '').trim();
  if (trimmed === '') return null;
  if (/^[+-]?nan$/i.test(trimmed)) return Number.NaN;
  const value = Number(trimmed);
  return Number.isNaN(value) ? null : value;
}

function checkCoordinateSystem(image: GeoTIFFImage): void {
  const keys = image.getGeoKeys();
  const placed =
    keys && (keys.GTModelTypeGeoKey !== undefined || keys.GeographicTypeGeoKey !== undefined || keys.ProjectedCSTypeGeoKey !== undefined);
  if (!placed)
    throw new ElevationTileRejected(
      'not-georeferenced',
      'The file is a TIFF without georeferencing, so its cells have no place on the map.',
    );
  const projected = keys.ProjectedCSTypeGeoKey as number | undefined;
  if (keys.GTModelTypeGeoKey === MODEL_TYPE_PROJECTED || projected !== undefined) {
    throw new ElevationTileRejected(
      'projected-crs',
      `The tile is in a projected coordinate system${projected ? ` (EPSG:${projected})` : ''}; reproject it to latitude/longitude (EPSG:4326) first.`,
    );
  }
  const geographic = keys.GeographicTypeGeoKey as number | undefined;
  if (keys.GTModelTypeGeoKey !== MODEL_TYPE_GEOGRAPHIC || geographic === undefined || !(geographic in ACCEPTED_GEOGRAPHIC_CRS)) {
    const accepted = Object.keys(ACCEPTED_GEOGRAPHIC_CRS).map((code) => `EPSG:${code}`);
    throw new ElevationTileRejected(
      'unsupported-crs',
      `The tile's coordinate system (${geographic ? `EPSG:${geographic}` : 'unnamed'}) is not one of ${accepted.join(', ')}.`,
    );
  }
}

interface Placement {
  westLon: number;
  northLat: number;
  pixelWidthDeg: number;
  pixelHeightDeg: number;
}

/** Where the grid lies: from a tie point and pixel scale, or from an affine transformation without rotation. */
function placement(image: GeoTIFFImage): Placement {
  const directory = image.getFileDirectory();
  const tiePoint = directory.getValue('ModelTiepoint') as number[] | undefined;
  const scale = directory.getValue('ModelPixelScale') as number[] | undefined;
  const transform = directory.getValue('ModelTransformation') as number[] | undefined;
  let corner: Placement;
  if (tiePoint && tiePoint.length >= 6 && scale) {
    const [i, j, , x, y] = tiePoint;
    corner = { westLon: x - i * scale[0], northLat: y + j * scale[1], pixelWidthDeg: scale[0], pixelHeightDeg: scale[1] };
  } else if (transform && transform.length >= 8) {
    if (transform[1] !== 0 || transform[4] !== 0) {
      throw new ElevationTileRejected('rotated-grid', 'The tile is rotated against north; warp it to a north-up grid first.');
    }
    corner = { westLon: transform[3], northLat: transform[7], pixelWidthDeg: transform[0], pixelHeightDeg: -transform[5] };
  } else {
    throw new ElevationTileRejected('not-georeferenced', 'The tile says which coordinate system it uses but not where its cells lie.');
  }
  if (!(corner.pixelWidthDeg > 0 && corner.pixelHeightDeg > 0)) {
    throw new ElevationTileRejected('rotated-grid', 'The tile is not a north-up grid with positive cell sizes.');
  }
  if (image.getGeoKeys()?.GTRasterTypeGeoKey === RASTER_PIXEL_IS_POINT) {
    corner.westLon -= corner.pixelWidthDeg / 2;
    corner.northLat += corner.pixelHeightDeg / 2;
  }
  return corner;
}

function asGridSamples(values: ArrayLike<number>): GridSamples {
  const kept = [Float32Array, Float64Array, Int16Array, Uint16Array, Int32Array, Uint8Array];
  return kept.some((kind) => values instanceof kind) ? (values as GridSamples) : Float32Array.from(values);
}

/** The tile as an elevation grid; throws ElevationTileRejected naming why a file cannot be one. */
export async function elevationGridFromGeoTiff(file: ArrayBuffer | Uint8Array): Promise<ElevationGrid> {
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(file);
  if (!isTiffHeader(bytes)) throw new ElevationTileRejected('not-a-geotiff', 'The file is not a TIFF image.');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let image: GeoTIFFImage;
  try {
    // The first image is the full-resolution one; any after it are overviews.
    image = await (await fromArrayBuffer(buffer)).getImage(0);
  } catch (error) {
    throw new ElevationTileRejected('not-a-geotiff', `The TIFF cannot be read: ${(error as Error).message}`);
  }
  const bands = image.getSamplesPerPixel();
  if (bands !== 1) throw new ElevationTileRejected('multi-band', `The tile has ${bands} bands; an elevation tile has one.`);
  checkCoordinateSystem(image);
  const where = placement(image);
  let values: ArrayLike<number>;
  try {
    values = await image.readRasters({ samples: [0], interleave: true });
  } catch (error) {
    throw new ElevationTileRejected('unreadable-samples', `The tile's heights cannot be decoded: ${(error as Error).message}`);
  }
  const samples = asGridSamples(values);
  const noData = parseNoData(image.getFileDirectory().getValue('GDAL_NODATA'));
  // A 32-bit cell holds the no-data value rounded to 32 bits; compare it with that.
  const cellNoData = noData !== null && samples instanceof Float32Array ? Math.fround(noData) : noData;
  return { ...where, width: image.getWidth(), height: image.getHeight(), noData: cellNoData, samples };
}
