import { writeArrayBuffer } from 'geotiff';
import { ElevationGrid } from './elevation-grid';

/**
 * A grid written as the GeoTIFF an operator would upload: one band on a latitude/longitude grid
 * (EPSG:4326), the tie point at the north-west corner of the first cell, and the no-data value in
 * GDAL's tag. 16-bit grids are written as signed integers, as SRTM stores them, anything else as
 * 32-bit floats, as Copernicus does. Used by the demo data and the tests, which cannot fetch real tiles.
 */
export function geoTiffFromGrid(grid: ElevationGrid): ArrayBuffer {
  const int16 = grid.samples instanceof Int16Array;
  // The writer takes 16-bit values as their unsigned bit patterns; SampleFormat 2 says they are signed.
  const values = int16 ? Uint16Array.from(grid.samples, (h) => h & 0xffff) : Float32Array.from(grid.samples);
  return writeArrayBuffer(values, {
    width: grid.width,
    height: grid.height,
    ModelPixelScale: [grid.pixelWidthDeg, grid.pixelHeightDeg, 0],
    ModelTiepoint: [0, 0, 0, grid.westLon, grid.northLat, 0],
    GTModelTypeGeoKey: 2,
    GTRasterTypeGeoKey: 1,
    GeographicTypeGeoKey: 4326,
    ...(int16 && { SampleFormat: [2] }),
    ...(grid.noData !== null && { GDAL_NODATA: Number.isNaN(grid.noData) ? 'nan' : String(grid.noData) }),
  });
}
