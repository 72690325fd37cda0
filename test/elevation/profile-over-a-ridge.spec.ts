import { syntheticTerrain } from '../../src/elevation/synthetic-terrain';
import { accountAt, cachedProfiles, call, elevationWorld, type ElevationWorld, profilePath, site, tileOf } from './elevation-world';

/**
 * A terrain tile uploaded as a GeoTIFF: a plain at 100 m on a 1″ grid near 46.5° N 8° E (a part of the map
 * no other suite uses), with a ridge 60 m high running north-south along 8.025° E from 46.525° to 46.535° N
 * (raised-cosine flanks, level again 150 m either side of the crest). Two subscribers at 8.01° E, two
 * sites at 8.07° E, all four antennas 10 m up, so each line of sight is level at 110 m.
 *
 * By hand, for the path along 46.53° N: 0.06° × 111 195.08 m × cos 46.53° = 4590.0 m, crossing the crest
 * 0.015° in, 1147.5 m from the address. It is blocked where ridge + bulge > 10 m; about 1037 m in, the
 * bulge is 1037 × 3553 / 16 989 357 = 0.217 m, so the ridge must rise above 9.783 m:
 * 30·(1 + cos(π·d/150)) = 9.783 → d = 110.3 m from the crest, so the first blocked point is
 * 1147.5 − 110.3 = 1037.2 m from the address. Samples fall one cell width apart along an eastward path:
 * 1″ × 111 195.08 m × cos 46.53° = 21.25 m. The path along 46.545° N passes 0.01° north of the ridge's end.
 */
const terrainShape = { westLon: 8, northLat: 46.56, pixelDeg: 1 / 3600, width: 288, height: 216 };
const terrain = syntheticTerrain({
  ...terrainShape,
  plainM: 100,
  features: [{ kind: 'ridge', from: { lat: 46.525, lon: 8.025 }, to: { lat: 46.535, lon: 8.025 }, heightM: 60, halfWidthM: 150 }],
});
const SAMPLE_M = 21.25;

describe('a profile over a ridge, and one beside it, from an uploaded terrain tile', () => {
  let w: ElevationWorld;
  let tileId: number;
  beforeAll(async () => {
    w = await elevationWorld();
    tileId = await tileOf(w, 'dem', terrain);
  });
  afterAll(() => w.close());

  it('reports the path over the ridge blocked where the ridge rises into the line of sight', async () => {
    const east = await site(w, { latitude: 46.53, longitude: 8.07, antennaHeightsM: [10, 40] });
    const accountId = await accountAt(w.sut, { lat: 46.53, lon: 8.01 });
    const res = await call(w, 'get', profilePath(accountId, { siteId: east.id, subscriberAntennaM: 10 })).expect(200);
    const sut = res.body;
    expect(sut).toMatchObject({ accountId, siteId: east.id, frequencyMhz: 5800, verdict: 'blocked', cached: false, hasClutter: false });
    expect(sut.distanceM).toBeCloseTo(4590.0, 0);
    expect(sut.bearingDeg).toBeCloseTo(90, 0);
    expect(sut.sampleSpacingM).toBeCloseTo(SAMPLE_M, 1);
    expect(Math.abs(sut.firstBlockedAtM - 1037.2)).toBeLessThanOrEqual(SAMPLE_M);
    expect(Math.abs(sut.worstClearance.distanceM - 1147.5)).toBeLessThanOrEqual(SAMPLE_M);
    expect(sut.subscriber).toMatchObject({ lat: 46.53, lon: 8.01, groundM: 100, groundSource: 'terrain', antennaM: 10 });
    expect(sut.site).toMatchObject({ groundM: 100, groundSource: 'terrain', antennaM: 10 });
    expect(sut.tiles).toEqual([{ id: tileId, kind: 'dem', name: expect.stringMatching(/\.tif$/) }]);
    expect(sut.samples).toHaveLength(Math.round(sut.distanceM / sut.sampleSpacingM) + 1);
    const crest = sut.samples.reduce((high: { groundM: number }, s: { groundM: number }) => (s.groundM > high.groundM ? s : high));
    expect(crest).toMatchObject({ intrudes: 'blocked' });
    expect(crest.groundM).toBeGreaterThan(155);
    expect(sut.samples[0]).toMatchObject({ distanceM: 0, groundM: 100, losM: 110, fresnelRadiusM: 0, clearanceM: 10, intrudes: 'clear' });
  });

  it('reports the parallel path north of the ridge clear, the Fresnel zone open all the way', async () => {
    const northEast = await site(w, { latitude: 46.545, longitude: 8.07, antennaHeightsM: [10] });
    const accountId = await accountAt(w.sut, { lat: 46.545, lon: 8.01 });
    const sut = (await call(w, 'get', profilePath(accountId, { siteId: northEast.id, subscriberAntennaM: 10 })).expect(200)).body;
    expect(sut).toMatchObject({ verdict: 'clear', firstBlockedAtM: null, firstFresnelIntrusionAtM: null, unknownSamples: 0 });
    expect(sut.samples.every((s: { groundM: number; intrudes: string }) => s.groundM === 100 && s.intrudes === 'clear')).toBe(true);
  });

  it('answers the same question from the cache, and works it out again once the site changes', async () => {
    const east = await site(w, { latitude: 46.53, longitude: 8.07, antennaHeightsM: [10, 40], frequenciesMhz: [5800, 3650] });
    const accountId = await accountAt(w.sut, { lat: 46.53, lon: 8.01 });
    const ask = profilePath(accountId, { siteId: east.id, subscriberAntennaM: 10, frequencyMhz: 3650 });
    const first = (await call(w, 'get', ask).expect(200)).body;
    expect(first).toMatchObject({ cached: false, frequencyMhz: 3650 });
    expect(await cachedProfiles(w.sut, east.id)).toBe(1);

    const again = (await call(w, 'get', ask).expect(200)).body;
    expect(again).toEqual({ ...first, cached: true });
    // Another antenna of the same site is another question.
    const higher = (await call(w, 'get', profilePath(accountId, { siteId: east.id, subscriberAntennaM: 10, siteAntennaM: 40 })).expect(200))
      .body;
    expect(higher).toMatchObject({ cached: false, site: { antennaM: 40 } });
    expect(await cachedProfiles(w.sut, east.id)).toBe(2);

    // The site's ground surveyed 20 m higher: its profiles are dropped, and the next answer is worked out anew from the new height.
    const changed = (await call(w, 'patch', `/api/network-sites/${east.id}`, { groundElevationM: 120 }).expect(200)).body;
    expect(changed.revision).toBe(east.revision + 1);
    expect(await cachedProfiles(w.sut, east.id)).toBe(0);
    const after = (await call(w, 'get', ask).expect(200)).body;
    expect(after).toMatchObject({ cached: false, site: { groundM: 120, groundSource: 'surveyed', antennaM: 10 } });
    expect(after.samples[after.samples.length - 1].losM).toBe(130);
    expect(after.computedAt >= first.computedAt).toBe(true);
  });

  it('drops the cached profiles a new clutter tile touches, and reads the clutter from then on', async () => {
    const northEast = await site(w, { latitude: 46.548, longitude: 8.07, antennaHeightsM: [10] });
    const accountId = await accountAt(w.sut, { lat: 46.548, lon: 8.01 });
    const ask = profilePath(accountId, { siteId: northEast.id, subscriberAntennaM: 10 });
    expect((await call(w, 'get', ask).expect(200)).body).toMatchObject({ cached: false, verdict: 'clear', hasClutter: false });
    expect((await call(w, 'get', ask).expect(200)).body).toMatchObject({ cached: true });

    // A wood 15 m tall over the whole tile: the trees cut the 10 m line of sight between the ends.
    const clutterId = await tileOf(w, 'clutter', syntheticTerrain({ ...terrainShape, plainM: 15 }));
    expect(await cachedProfiles(w.sut, northEast.id)).toBe(0);
    const wooded = (await call(w, 'get', ask).expect(200)).body;
    expect(wooded).toMatchObject({ cached: false, verdict: 'blocked', hasClutter: true, clutterUnknownSamples: 0 });
    expect(wooded.tiles.map((t: { id: number }) => t.id)).toEqual([tileId, clutterId]);
    expect(wooded.samples[1]).toMatchObject({ groundM: 100, clutterM: 15, intrudes: 'blocked' });

    // Deleted again, the clutter no longer counts.
    await call(w, 'delete', `/api/elevation-tiles/${clutterId}`).expect(200);
    expect((await call(w, 'get', ask).expect(200)).body).toMatchObject({ cached: false, verdict: 'clear', hasClutter: false });
  });
});
