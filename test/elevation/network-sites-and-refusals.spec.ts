import { randomUUID } from 'node:crypto';
import { Permission } from '../../src/auth/permission';
import { geoTiffFromGrid } from '../../src/elevation/geotiff-tile';
import { syntheticTerrain } from '../../src/elevation/synthetic-terrain';
import {
  accountAt,
  call,
  elevationWorld,
  type ElevationWorld,
  profilePath,
  site,
  storedTiles,
  tileOf,
  uploadTile,
} from './elevation-world';

/** A level plain near 49° N 11° E, a part of the map no other suite uses. */
const terrain = syntheticTerrain({ westLon: 11, northLat: 49.05, pixelDeg: 1 / 3600, width: 180, height: 180, plainM: 250 });

describe('network sites, who may do what, and the profiles refused', () => {
  let w: ElevationWorld;
  beforeAll(async () => {
    w = await elevationWorld();
    await tileOf(w, 'dem', terrain);
  });
  afterAll(() => w.close());

  it('keeps a site with its antennas and bands, refuses bad ones by field, and audits every change', async () => {
    const name = `Grain silo ${randomUUID().slice(0, 8)}`;
    const created = (
      await call(w, 'post', '/api/network-sites', {
        name: `  ${name} `,
        latitude: 49.02,
        longitude: 11.01,
        antennaHeightsM: [25, 40.5],
        frequenciesMhz: [5800, 3650.5],
        description: 'Roof mount',
      }).expect(201)
    ).body;
    expect(created).toMatchObject({
      name,
      latitude: 49.02,
      longitude: 11.01,
      groundElevationM: null,
      antennaHeightsM: [25, 40.5],
      frequenciesMhz: [5800, 3650.5],
      description: 'Roof mount',
      revision: 1,
    });

    const taken = await call(w, 'post', '/api/network-sites', {
      name,
      latitude: 49,
      longitude: 11,
      antennaHeightsM: [10],
      frequenciesMhz: [5800],
    }).expect(409);
    expect(taken.body).toMatchObject({ code: 'network_site_name_taken', details: [{ field: 'name', rule: 'unique' }] });
    const bad = await call(w, 'post', '/api/network-sites', {
      name: 'Nowhere',
      latitude: 91,
      longitude: 11,
      antennaHeightsM: [],
      frequenciesMhz: [5800, 5800],
    }).expect(400);
    expect(bad.body.details.map((d: { field: string; rule: string }) => `${d.field} ${d.rule}`).sort()).toEqual([
      'antennaHeightsM arrayMinSize',
      'frequenciesMhz arrayUnique',
      'latitude max',
    ]);
    const [{ n }] = await w.sut.db.query("SELECT COUNT(*) AS n FROM network_sites WHERE name = 'Nowhere'");
    expect(Number(n)).toBe(0);

    const changed = (
      await call(w, 'patch', `/api/network-sites/${created.id}`, { antennaHeightsM: [30], groundElevationM: 251.25 }).expect(200)
    ).body;
    expect(changed).toMatchObject({ antennaHeightsM: [30], frequenciesMhz: [5800, 3650.5], groundElevationM: 251.25, revision: 2 });
    await call(w, 'patch', `/api/network-sites/${created.id}`, {}).expect(400);
    const listed = await call(w, 'get', `/api/network-sites?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`).expect(200);
    expect(listed.body).toEqual([changed]);
    await call(w, 'delete', `/api/network-sites/${created.id}`).expect(200);
    await call(w, 'get', `/api/network-sites/${created.id}`).expect(404);

    const audit = await w.sut.db.query(
      "SELECT action FROM action_history WHERE entity_type = 'network_site' AND entity_id = ? ORDER BY id",
      [String(created.id)],
    );
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['network_site.create', 'network_site.update', 'network_site.delete']);
  });

  it('lists the sites around an address, nearest first, with distance and bearing', async () => {
    const near = await site(w, { latitude: 49.03, longitude: 11.02, antennaHeightsM: [20] });
    const far = await site(w, { latitude: 49.0, longitude: 11.0, antennaHeightsM: [20] });
    const accountId = await accountAt(w.sut, { lat: 49.02, lon: 11.02 });
    const sut = (await call(w, 'get', `/api/accounts/${accountId}/network-sites`).expect(200)).body;
    expect(sut).toMatchObject({ latitude: 49.02, longitude: 11.02 });
    const mine = sut.sites.filter((s: { id: number }) => s.id === near.id || s.id === far.id);
    expect(mine.map((s: { id: number }) => s.id)).toEqual([near.id, far.id]);
    // 0.01° due north: 1111.95 m.
    expect(mine[0].distanceM).toBeCloseTo(1111.95, 1);
    expect(mine[0].bearingDeg).toBe(0);
    expect(mine[1].bearingDeg).toBeGreaterThan(180);
    expect(mine[1].bearingDeg).toBeLessThan(270);
  });

  it('refuses a profile it cannot draw, each with its own answer', async () => {
    const tower = await site(w, { latitude: 49.03, longitude: 11.04, antennaHeightsM: [20, 30], frequenciesMhz: [5800] });
    const noCoordinates = await accountAt(w.sut, null);
    const res = await call(w, 'get', profilePath(noCoordinates, { siteId: tower.id })).expect(409);
    expect(res.body).toMatchObject({ code: 'elevation_account_without_coordinates' });
    await call(w, 'get', `/api/accounts/${noCoordinates}/network-sites`).expect(409);

    const accountId = await accountAt(w.sut, { lat: 49.02, lon: 11.01 });
    await call(w, 'get', profilePath(999_999_999, { siteId: tower.id })).expect(404);
    const unknownSite = await call(w, 'get', profilePath(accountId, { siteId: 999_999_999 })).expect(404);
    expect(unknownSite.body.message).toBe('Network site 999999999 does not exist');
    const antenna = await call(w, 'get', profilePath(accountId, { siteId: tower.id, siteAntennaM: 25 })).expect(400);
    expect(antenna.body.details).toEqual([expect.objectContaining({ field: 'siteAntennaM', rule: 'oneOfSite' })]);
    expect(antenna.body.message).toContain('20, 30');
    const band = await call(w, 'get', profilePath(accountId, { siteId: tower.id, frequencyMhz: 2450 })).expect(400);
    expect(band.body.details).toEqual([expect.objectContaining({ field: 'frequencyMhz', rule: 'oneOfSite' })]);
    const typo = await call(w, 'get', `/api/accounts/${accountId}/elevation-profile?siteId=${tower.id}&antenna=20`).expect(400);
    expect(typo.body.details).toEqual([expect.objectContaining({ field: 'antenna', rule: 'unknownField' })]);
    await call(w, 'get', `/api/accounts/${accountId}/elevation-profile?siteId=x`).expect(400);

    // The site where the address is: a path of no length.
    const onTop = await site(w, { latitude: 49.02, longitude: 11.01, antennaHeightsM: [20] });
    const here = await call(w, 'get', profilePath(accountId, { siteId: onTop.id })).expect(422);
    expect(here.body).toMatchObject({ code: 'elevation_path_not_profilable', details: [{ field: 'siteId', rule: 'distinctFromStart' }] });

    // Far from every tile: no terrain at all.
    const elsewhere = await accountAt(w.sut, { lat: -33.9, lon: 18.4 });
    const south = await site(w, { latitude: -33.95, longitude: 18.45, antennaHeightsM: [20] });
    const none = await call(w, 'get', profilePath(elsewhere, { siteId: south.id })).expect(409);
    expect(none.body).toMatchObject({ code: 'elevation_no_terrain' });

    // The profile itself, for the record: a plain, 20 m and 5 m masts, clear.
    const fine = (await call(w, 'get', profilePath(accountId, { siteId: tower.id })).expect(200)).body;
    expect(fine).toMatchObject({ verdict: 'clear', site: { antennaM: 20 }, subscriber: { antennaM: 5 }, frequencyMhz: 5800 });
  });

  it('answers 403 to those without the permission, and stores nothing for them', async () => {
    const tower = await site(w, { latitude: 49.03, longitude: 11.03, antennaHeightsM: [20] });
    const accountId = await accountAt(w.sut, { lat: 49.02, lon: 11.02 });
    const nobody = await w.sut.userWith([Permission.AccountsRead]);
    const reader = await w.sut.userWith([Permission.NetworkRead, Permission.AccountsRead]);

    for (const path of [
      profilePath(accountId, { siteId: tower.id }),
      `/api/accounts/${accountId}/network-sites`,
      '/api/network-sites',
      '/api/elevation-tiles',
    ]) {
      const res = await call(w, 'get', path, undefined, nobody.token).expect(403);
      expect(res.body.message).toContain('network.read');
      await call(w, 'get', path, undefined, reader.token).expect(200);
    }
    const body = { name: 'Not theirs', latitude: 49, longitude: 11, antennaHeightsM: [10], frequenciesMhz: [5800] };
    for (const token of [nobody.token, reader.token]) {
      expect((await call(w, 'post', '/api/network-sites', body, token).expect(403)).body.message).toContain('network.configure');
      await call(w, 'patch', `/api/network-sites/${tower.id}`, { name: 'Renamed' }, token).expect(403);
      await call(w, 'delete', `/api/network-sites/${tower.id}`, undefined, token).expect(403);
      const before = await storedTiles(w.sut);
      await uploadTile(w, 'dem', geoTiffFromGrid(terrain), 'theirs.tif', token).expect(403);
      await expect(storedTiles(w.sut)).resolves.toEqual(before);
    }
    expect((await call(w, 'get', `/api/network-sites/${tower.id}`).expect(200)).body).toMatchObject({ name: tower.name, revision: 1 });
    const [{ n }] = await w.sut.db.query("SELECT COUNT(*) AS n FROM network_sites WHERE name = 'Not theirs'");
    expect(Number(n)).toBe(0);
  });
});
