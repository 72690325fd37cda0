import { execFileSync } from 'node:child_process';
import { GeotiffWriterMetadata, writeArrayBuffer } from 'geotiff';
import { ElevationTileRejected, TileRejection } from '../../src/elevation/elevation.errors';
import { computeProfile } from '../../src/elevation/elevation-profile';
import { cellCentre, heightAt } from '../../src/elevation/elevation-grid';
import { elevationGridFromGeoTiff } from '../../src/elevation/geotiff-grid';

/*
 * The GeoTIFF library loads quick-lru, published only as an ES module, for the block cache of tiles read
 * over HTTP. Jest's module loader cannot load it before Node 24.9, so jest.config.mjs maps it, in every
 * lane, to test/support/quick-lru-stand-in.ts, which fails loudly if it is ever built; the last test loads
 * the real one in plain Node, as the built server does.
 */

/**
 * Tiles written here, in the test, with the GeoTIFF library's own writer: small, but laid out as SRTM and
 * Copernicus tiles are, one band of heights on a latitude/longitude grid with a GDAL no-data value.
 */
const ARC_SECOND = 1 / 3600;
const WIDTH = 40;
const HEIGHT = 30;
const NO_DATA = -32768;

/** A gentle slope: 200 m in the west rising 1 m a column; columns 20–22 of rows 10–19 are a void. */
function slopeHeights(): number[] {
  return Array.from({ length: WIDTH * HEIGHT }, (_, i) => {
    const [row, col] = [Math.floor(i / WIDTH), i % WIDTH];
    return row >= 10 && row <= 19 && col >= 20 && col <= 22 ? NO_DATA : 200 + col;
  });
}

/** Geographic (WGS 84), north-west corner at 46.01° N 7° E, 1″ cells. */
const geographic = (extra: GeotiffWriterMetadata = {}): GeotiffWriterMetadata => ({
  width: WIDTH,
  height: HEIGHT,
  ModelPixelScale: [ARC_SECOND, ARC_SECOND, 0],
  ModelTiepoint: [0, 0, 0, 7, 46.01, 0],
  GTModelTypeGeoKey: 2,
  GTRasterTypeGeoKey: 1,
  GeographicTypeGeoKey: 4326,
  GDAL_NODATA: String(NO_DATA),
  ...extra,
});

/** SRTM stores signed 16-bit heights; the writer takes them as their unsigned bit patterns plus SampleFormat 2. */
const asInt16Bits = (heights: number[]) => Uint16Array.from(heights, (h) => h & 0xffff);

async function rejection(file: ArrayBuffer | Uint8Array): Promise<TileRejection | 'accepted'> {
  try {
    await elevationGridFromGeoTiff(file);
    return 'accepted';
  } catch (error) {
    if (error instanceof ElevationTileRejected) return error.reason;
    throw error;
  }
}

describe('reading an elevation tile from a GeoTIFF', () => {
  it('reads a Copernicus-style float tile: its place, its cell size, its heights and its voids', async () => {
    const sut = await elevationGridFromGeoTiff(writeArrayBuffer(Float32Array.from(slopeHeights()), geographic()));
    expect(sut).toMatchObject({ westLon: 7, northLat: 46.01, width: WIDTH, height: HEIGHT, noData: NO_DATA });
    expect(sut.pixelWidthDeg).toBeCloseTo(ARC_SECOND, 12);
    expect(sut.samples).toBeInstanceOf(Float32Array);
    expect(heightAt(sut, cellCentre(sut, 0, 0))).toBe(200);
    expect(heightAt(sut, cellCentre(sut, 5, 39))).toBe(239);
    // Halfway between the centres of columns 4 and 5: 204.5.
    expect(heightAt(sut, { lat: cellCentre(sut, 3, 0).lat, lon: 7 + 5 * ARC_SECOND })).toBeCloseTo(204.5, 6);
    expect(heightAt(sut, cellCentre(sut, 15, 21))).toBeNull();
    expect(heightAt(sut, cellCentre(sut, 15, 25))).toBe(225);
  });

  it('reads an SRTM-style 16-bit tile, taking a point-registered tie point as the centre of the first cell', async () => {
    const heights = slopeHeights();
    const tile = writeArrayBuffer(asInt16Bits(heights), geographic({ SampleFormat: [2], GTRasterTypeGeoKey: 2 }));
    const sut = await elevationGridFromGeoTiff(new Uint8Array(tile));
    expect(sut.samples).toBeInstanceOf(Int16Array);
    expect(Array.from(sut.samples)).toEqual(heights);
    // The tie point 7° E 46.01° N is the centre of cell (0, 0), so the grid's corner is half a cell north-west.
    expect(sut.westLon).toBeCloseTo(7 - ARC_SECOND / 2, 12);
    expect(sut.northLat).toBeCloseTo(46.01 + ARC_SECOND / 2, 12);
    expect(heightAt(sut, { lat: 46.01, lon: 7 })).toBe(200);
  });

  it('reads a no-data value GDAL wrote as "nan", and NaN cells as voids', async () => {
    const heights = slopeHeights().map((h) => (h === NO_DATA ? Number.NaN : h));
    const sut = await elevationGridFromGeoTiff(writeArrayBuffer(Float32Array.from(heights), geographic({ GDAL_NODATA: 'nan' })));
    expect(sut.noData).toBeNaN();
    expect(heightAt(sut, cellCentre(sut, 12, 20))).toBeNull();
    expect(heightAt(sut, cellCentre(sut, 12, 10))).toBe(210);
  });

  it('profiles a link across a tile with a void: the points over it unknown, the rest on the slope', async () => {
    const dem = await elevationGridFromGeoTiff(writeArrayBuffer(Float32Array.from(slopeHeights()), geographic()));
    const lat = cellCentre(dem, 15, 0).lat;
    const sut = computeProfile({
      from: { lat, lon: cellCentre(dem, 15, 2).lon, antennaM: 10 },
      to: { lat, lon: cellCentre(dem, 15, 37).lon, antennaM: 10 },
      frequencyHz: 5.8e9,
      dem,
    });
    // From column 2 (202 m) to column 37 (237 m), one sample per cell: 36 samples, those at columns
    // 20–22 over the void and, leaning on it, none other (samples fall on the centres).
    expect(sut.samples).toHaveLength(36);
    expect(sut.samples.filter((s) => s.intrudes === 'unknown').map((s) => Math.round((s.lon - 7) / ARC_SECOND - 0.5))).toEqual([
      20, 21, 22,
    ]);
    expect(sut.samples[10].groundM).toBeCloseTo(212, 3);
    expect(sut.unknownSamples).toBe(3);
    expect(sut.verdict).toBe('incomplete');
  });

  it('refuses what is not a GeoTIFF elevation tile, naming the reason', async () => {
    const heights = Float32Array.from(slopeHeights());
    expect(await rejection(new TextEncoder().encode('not a tiff, just text'))).toBe('not-a-geotiff');
    expect(await rejection(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('not-a-geotiff');
    expect(await rejection(Uint8Array.from([0x49, 0x49, 42, 0, 0xff, 0xff, 0xff, 0x7f]))).toBe('not-a-geotiff');
    const utm = { GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32632, GeographicTypeGeoKey: undefined, ModelPixelScale: [30, 30, 0] };
    expect(await rejection(writeArrayBuffer(heights, geographic(utm)))).toBe('projected-crs');
    expect(await rejection(writeArrayBuffer(heights, geographic({ GeographicTypeGeoKey: 4277 })))).toBe('unsupported-crs');
    const bare = { GTModelTypeGeoKey: undefined, GTRasterTypeGeoKey: undefined, GeographicTypeGeoKey: undefined };
    expect(await rejection(writeArrayBuffer(heights, geographic(bare)))).toBe('not-georeferenced');
    const twoBands = [0, 1].map(() => Array.from({ length: HEIGHT }, () => Array.from({ length: WIDTH }, () => 200)));
    expect(await rejection(writeArrayBuffer(twoBands, geographic()))).toBe('multi-band');
    expect(await rejection(writeArrayBuffer(heights, geographic()))).toBe('accepted');
  });

  it('says in words why a projected tile is refused', async () => {
    const utm = { GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32632, GeographicTypeGeoKey: undefined };
    await expect(elevationGridFromGeoTiff(writeArrayBuffer(Float32Array.from(slopeHeights()), geographic(utm)))).rejects.toThrow(
      'projected coordinate system (EPSG:32632); reproject it to latitude/longitude (EPSG:4326) first',
    );
  });

  it('loads in plain Node from CommonJS, as the built server does, with its real dependencies', () => {
    const script = "require('geotiff').fromArrayBuffer(new ArrayBuffer(8)).catch(() => process.stdout.write('loaded'))";
    expect(execFileSync(process.execPath, ['-e', script], { cwd: process.cwd(), encoding: 'utf8' })).toBe('loaded');
  });
});
