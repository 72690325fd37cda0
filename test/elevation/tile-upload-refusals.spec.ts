import { writeArrayBuffer } from 'geotiff';
import { geoTiffFromGrid } from '../../src/elevation/geotiff-tile';
import { syntheticTerrain } from '../../src/elevation/synthetic-terrain';
import { call, elevationWorld, type ElevationWorld, storedTiles, uploadTile } from './elevation-world';

/** A small, valid tile near 48° N 10° E, a part of the map no other suite uses. */
const terrain = syntheticTerrain({ westLon: 10, northLat: 48.01, pixelDeg: 1 / 3600, width: 40, height: 30, plainM: 420 });

async function tileRows(w: ElevationWorld): Promise<number> {
  const [row] = await w.sut.db.query('SELECT COUNT(*) AS n FROM elevation_tiles WHERE west_lon >= 10 AND west_lon < 11');
  return Number(row.n);
}

describe('uploading elevation tiles: what is refused, and that nothing of it is kept', () => {
  let w: ElevationWorld;
  beforeAll(async () => {
    w = await elevationWorld();
  });
  afterAll(() => w.close());

  it('refuses a file that is not a GeoTIFF with a 400 naming the reason, and keeps neither row nor file', async () => {
    const res = await uploadTile(w, 'dem', Buffer.from('elevation,metres\n1,2\n'), 'heights.csv').expect(400);
    expect(res.body).toMatchObject({
      code: 'elevation_tile_rejected',
      message: 'The file is not a TIFF image.',
      details: [{ field: 'file', rule: 'not-a-geotiff', message: 'The file is not a TIFF image.' }],
    });
    await expect(storedTiles(w.sut)).resolves.toEqual([]);
    await expect(tileRows(w)).resolves.toBe(0);
  });

  it('refuses a tile in a projected coordinate system, saying how to convert it', async () => {
    const utm = writeArrayBuffer(Float32Array.from(terrain.samples), {
      width: 40,
      height: 30,
      ModelPixelScale: [30, 30, 0],
      ModelTiepoint: [0, 0, 0, 500000, 5300000, 0],
      GTModelTypeGeoKey: 1,
      GTRasterTypeGeoKey: 1,
      ProjectedCSTypeGeoKey: 32632,
    });
    const res = await uploadTile(w, 'dem', utm, 'utm32.tif').expect(400);
    expect(res.body).toMatchObject({ code: 'elevation_tile_rejected', details: [{ field: 'file', rule: 'projected-crs' }] });
    expect(res.body.message).toContain('EPSG:32632');
    expect(res.body.message).toContain('EPSG:4326');
    await expect(storedTiles(w.sut)).resolves.toEqual([]);
  });

  it('refuses an upload without a kind, or of an unknown kind, before a byte of the file is stored', async () => {
    const file = Buffer.from(geoTiffFromGrid(terrain));
    const unknown = await uploadTile(w, 'lidar', file).expect(400);
    expect(unknown.body).toMatchObject({ code: 'validation_failed', details: [{ field: 'kind', rule: 'isIn' }] });
    const none = await w.sut
      .http()
      .post('/api/elevation-tiles')
      .auth(w.token, { type: 'bearer' })
      .attach('file', file, 'tile.tif')
      .expect(400);
    expect(none.body.details).toEqual([expect.objectContaining({ field: 'kind', rule: 'isIn' })]);
    const json = await call(w, 'post', '/api/elevation-tiles', { kind: 'dem' }).expect(415);
    expect(json.body.details).toEqual([expect.objectContaining({ field: 'Content-Type', rule: 'mediaType' })]);
    await expect(storedTiles(w.sut)).resolves.toEqual([]);
    await expect(tileRows(w)).resolves.toBe(0);
  });

  it('keeps a good tile with what was read from it, refuses the same file twice, and deletes it whole', async () => {
    const file = Buffer.from(geoTiffFromGrid(terrain));
    const kept = (await uploadTile(w, 'dem', file, 'N48E010.tif').expect(201)).body;
    expect(kept).toMatchObject({
      kind: 'dem',
      name: 'N48E010.tif',
      sizeBytes: file.length,
      westLon: 10,
      northLat: 48.01,
      width: 40,
      height: 30,
      noData: '-32768',
      sampleType: 'float32',
    });
    expect(kept.eastLon).toBeCloseTo(10 + 40 / 3600, 9);
    expect(kept.southLat).toBeCloseTo(48.01 - 30 / 3600, 9);
    expect(kept.resolutionM).toBeCloseTo(30.89, 2);
    expect(await storedTiles(w.sut)).toHaveLength(1);

    const again = await uploadTile(w, 'dem', file, 'copy.tif').expect(409);
    expect(again.body).toMatchObject({ code: 'elevation_tile_duplicate' });
    expect(again.body.message).toContain(`tile ${kept.id}`);
    expect(await storedTiles(w.sut)).toHaveLength(1);
    // The same bytes as clutter are another tile.
    const asClutter = (await uploadTile(w, 'clutter', file).expect(201)).body;

    const listed = await call(
      w,
      'get',
      `/api/elevation-tiles?filter=${encodeURIComponent(JSON.stringify({ kind: 'dem', q: 'N48E010' }))}`,
    ).expect(200);
    expect(listed.headers['content-range']).toBe('elevation-tiles 0-0/1');
    expect(listed.body[0]).toMatchObject({ id: kept.id, name: 'N48E010.tif' });

    await call(w, 'delete', `/api/elevation-tiles/${kept.id}`).expect(200);
    await call(w, 'get', `/api/elevation-tiles/${kept.id}`).expect(404);
    await call(w, 'delete', `/api/elevation-tiles/${asClutter.id}`).expect(200);
    await expect(storedTiles(w.sut)).resolves.toEqual([]);
    await expect(tileRows(w)).resolves.toBe(0);
  });
});
