import { syntheticTerrain } from '../../src/elevation/synthetic-terrain';
import { accountAt, call, elevationWorld, type ElevationWorld, profilePath, site, tileOf } from './elevation-world';

/**
 * A level plain at 300 m near 47° N 9° E (a part of the map no other suite uses), 200 cells across and
 * 100 down, stored as SRTM stores it (whole metres, −32768 for a void), with a void over rows 40–59 and
 * columns 90–99. The cells are 0.0003° (about 1.1″) so that every cell centre has six decimals, as an
 * account's coordinates do. Paths run along the centre line of row 50, from cell centre to cell centre,
 * so the samples fall on the cells' centres: the ten over columns 90–99 have no ground.
 */
const CELL = 0.0003;
const NORTH = 47.03;
const WEST = 9;
const ROW_50 = NORTH - 50.5 * CELL;
const column = (col: number) => WEST + (col + 0.5) * CELL;
const terrain = syntheticTerrain({
  westLon: WEST,
  northLat: NORTH,
  pixelDeg: CELL,
  width: 200,
  height: 100,
  plainM: 300,
  storage: 'int16',
  voids: [{ firstRow: 40, lastRow: 59, firstCol: 90, lastCol: 99 }],
});
// Six decimals, as an account stores its coordinates.
const round6 = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

describe('a terrain tile with a void, and a path that leaves the tiles', () => {
  let w: ElevationWorld;
  beforeAll(async () => {
    w = await elevationWorld();
    await tileOf(w, 'dem', terrain);
  });
  afterAll(() => w.close());

  it('reports a path across the void incomplete, the samples over it unknown and never taken for open ground', async () => {
    const east = await site(w, { latitude: round6(ROW_50), longitude: round6(column(190)), antennaHeightsM: [10] });
    const accountId = await accountAt(w.sut, { lat: round6(ROW_50), lon: round6(column(10)) });
    const sut = (await call(w, 'get', profilePath(accountId, { siteId: east.id, subscriberAntennaM: 10 })).expect(200)).body;
    expect(sut).toMatchObject({ verdict: 'incomplete', firstBlockedAtM: null, firstFresnelIntrusionAtM: null, unknownSamples: 10 });
    const unknown = sut.samples.filter((s: { intrudes: string }) => s.intrudes === 'unknown');
    expect(unknown).toHaveLength(10);
    // Each over a void column, with no ground, no obstacle and no clearance; the line of sight is still drawn.
    const columns = unknown.map((s: { lon: number }) => Math.floor((s.lon - WEST) / CELL));
    expect(columns).toEqual([90, 91, 92, 93, 94, 95, 96, 97, 98, 99]);
    expect(
      unknown.every(
        (s: { groundM: null; obstacleTopM: null; clearanceM: null; losM: number }) =>
          s.groundM === null && s.obstacleTopM === null && s.clearanceM === null && s.losM === 310,
      ),
    ).toBe(true);
    expect(
      sut.samples
        .filter((s: { intrudes: string }) => s.intrudes !== 'unknown')
        .every((s: { groundM: number; intrudes: string }) => s.groundM === 300 && s.intrudes === 'clear'),
    ).toBe(true);
  });

  it('reports a path that runs off the tile incomplete when the far ground is surveyed, and refuses it when it is not', async () => {
    // The site stands 0.03° east of the tile's east edge (9.06° E); 30 m masts keep the known ground clear of the Fresnel zone.
    const beyond = await site(w, { latitude: round6(ROW_50), longitude: 9.09, antennaHeightsM: [30], groundElevationM: 300 });
    const accountId = await accountAt(w.sut, { lat: round6(ROW_50), lon: round6(column(10)) });
    const sut = (await call(w, 'get', profilePath(accountId, { siteId: beyond.id, subscriberAntennaM: 30 })).expect(200)).body;
    expect(sut.verdict).toBe('incomplete');
    // Past the tile's edge every point is unknown, besides the void.
    const past = sut.samples.filter((s: { lon: number }) => s.lon > WEST + 200 * CELL + CELL);
    expect(past.length).toBeGreaterThan(50);
    expect(past.slice(0, -1).every((s: { intrudes: string }) => s.intrudes === 'unknown')).toBe(true);
    expect(sut.site).toMatchObject({ groundM: 300, groundSource: 'surveyed' });

    // The same site without its surveyed ground: the far end hangs from nothing, so there is no profile.
    await call(w, 'patch', `/api/network-sites/${beyond.id}`, { groundElevationM: null }).expect(200);
    const refused = await call(w, 'get', profilePath(accountId, { siteId: beyond.id, subscriberAntennaM: 30 })).expect(409);
    expect(refused.body).toMatchObject({ code: 'elevation_ground_unknown' });
    expect(refused.body.message).toContain('ground height');

    // An address off the tile is refused the same way, unless its ground is given.
    const offTile = await accountAt(w.sut, { lat: round6(ROW_50), lon: 8.98 });
    // Masts of 40 m, so the Fresnel zone is clear over the known ground and only the unknown is left to say.
    const inside = await site(w, { latitude: round6(ROW_50), longitude: round6(column(150)), antennaHeightsM: [40] });
    const noGround = await call(w, 'get', profilePath(offTile, { siteId: inside.id })).expect(409);
    expect(noGround.body).toMatchObject({
      code: 'elevation_ground_unknown',
      details: [{ field: 'subscriberGroundM', rule: 'groundKnown' }],
    });
    const given = (
      await call(w, 'get', profilePath(offTile, { siteId: inside.id, subscriberGroundM: 300, subscriberAntennaM: 40 })).expect(200)
    ).body;
    expect(given).toMatchObject({ verdict: 'incomplete', subscriber: { groundM: 300, groundSource: 'surveyed', antennaM: 40 } });
    expect(given.unknownSamples).toBeGreaterThan(10);
  });

  it('fills the void from a second tile uploaded over it, putting the two together for the path', async () => {
    const east = await site(w, { latitude: round6(ROW_50), longitude: round6(column(190)), antennaHeightsM: [10] });
    const accountId = await accountAt(w.sut, { lat: round6(ROW_50), lon: round6(column(10)) });
    const ask = profilePath(accountId, { siteId: east.id, subscriberAntennaM: 10 });
    expect((await call(w, 'get', ask).expect(200)).body).toMatchObject({ verdict: 'incomplete', unknownSamples: 10, cached: false });

    // A patch on the same cells, rows 30–69 and columns 80–109, surveyed where the first tile has its void.
    const patch = syntheticTerrain({
      westLon: column(80) - CELL / 2,
      northLat: NORTH - 30 * CELL,
      pixelDeg: CELL,
      width: 30,
      height: 40,
      plainM: 300,
    });
    const patchId = await tileOf(w, 'dem', patch);
    const sut = (await call(w, 'get', ask).expect(200)).body;
    expect(sut).toMatchObject({ verdict: 'clear', unknownSamples: 0, cached: false });
    expect(sut.tiles.map((t: { id: number }) => t.id)).toContain(patchId);
    expect(sut.tiles).toHaveLength(2);
    expect(sut.samples.every((s: { groundM: number }) => s.groundM === 300)).toBe(true);
  });
});
