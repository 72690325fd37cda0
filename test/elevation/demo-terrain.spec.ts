import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { generateDemoAccounts } from '../../src/demo/accounts-demo';
import { DEMO_SITES, generateElevationDemo } from '../../src/demo/elevation-demo';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';

/**
 * The demo's elevation data as `npm run dev` loads it: two tiles read back through the tiles module,
 * three sites, and the demo accounts of Springfield (within the terrain tile) seeing some sites and
 * not others; an account of another town has no terrain under it.
 */
describe('the demo terrain and network sites', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await createIsolatedTestApp({ STORAGE_DIR: join(process.env.TEST_SCRATCH_DIR!, `storage-${randomUUID()}`) });
  });
  afterAll(() => sut?.close());

  it('gives Springfield accounts clear and blocked paths to the West Water Tower', async () => {
    const admin = await sut.admin();
    await generateDemoAccounts(sut.db, 200);
    await generateElevationDemo(sut.app, admin.id);
    const get = (path: string) => sut.http().get(path).auth(admin.token, { type: 'bearer' });

    const tiles = (await get('/api/elevation-tiles').expect(200)).body;
    expect(tiles.map((t: { kind: string; width: number; height: number }) => [t.kind, t.width, t.height]).sort()).toEqual([
      ['clutter', 648, 486],
      ['dem', 648, 486],
    ]);
    const sites: { id: number; name: string }[] = (await get('/api/network-sites').expect(200)).body;
    expect(sites.map((s) => s.name).sort()).toEqual(DEMO_SITES.map((s) => s.name).sort());
    const tower = sites.find((s) => s.name === 'West Water Tower')!;

    const springfield: { id: number }[] = await sut.db.query("SELECT id FROM accounts WHERE service_city = 'Springfield' ORDER BY id");
    expect(springfield.length).toBeGreaterThan(20);
    const verdicts: Record<string, number> = {};
    for (const { id } of springfield) {
      const profile = (await get(`/api/accounts/${id}/elevation-profile?siteId=${tower.id}`).expect(200)).body;
      verdicts[profile.verdict] = (verdicts[profile.verdict] ?? 0) + 1;
    }
    // The bluff east of the centre hides the accounts beyond it; those on the tower's side see it.
    expect(verdicts.clear).toBeGreaterThan(3);
    expect(verdicts.blocked).toBeGreaterThan(3);
    expect(verdicts.incomplete).toBeUndefined();

    const [decatur] = await sut.db.query("SELECT id FROM accounts WHERE service_city = 'Decatur' ORDER BY id LIMIT 1");
    const far = await get(`/api/accounts/${decatur.id}/elevation-profile?siteId=${tower.id}`).expect(409);
    expect(far.body).toMatchObject({ code: 'elevation_ground_unknown' });
  }, 120_000);
});
