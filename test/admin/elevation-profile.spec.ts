import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Permission } from '../../src/auth/permission';
import { generateElevationDemo } from '../../src/demo/elevation-demo';
import { geoTiffFromGrid } from '../../src/elevation/geotiff-tile';
import { syntheticTerrain } from '../../src/elevation/synthetic-terrain';
import { accountAt } from '../elevation/elevation-world';
import { createIsolatedTestApp } from '../support/isolated-database';
import { openPanel, type Panel, signIn } from '../support/panel';
import type { TestApp } from '../support/test-app';

const VIEWPORT = { width: 1440, height: 1100 };
/** Kept after the run (the run's scratch folder is not), to be looked at. */
const SHOTS = join(process.cwd(), 'test-results', 'screenshots');

/** Drawers, dialogs and charts settle: a screenshot waits until nothing animates (asked from here: the panel's CSP forbids eval). */
async function still(page: Page): Promise<void> {
  for (let tries = 0; (await page.evaluate('document.getAnimations().length')) !== 0; tries++) {
    if (tries === 50) throw new Error('the page kept moving for 5 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The account's Elevation Profile tab in headless Chromium, on the demo's terrain (a bluff east of
 * Springfield's centre, a wood to the west, three sites; src/demo/elevation-demo.ts) loaded into a
 * database of the suite's own. The subscriber lives just east of the wood: the West Water Tower's path
 * runs through the trees and is blocked, the Bluff Mast's is clear. No map tiles can load here, so the
 * map is its markers on grey.
 */
describe('the Elevation Profile tab of an account near the demo sites', () => {
  let sut: TestApp;
  let panel: Panel;
  let accountId: number;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sut = await createIsolatedTestApp();
    await generateElevationDemo(sut.app, null);
    accountId = await accountAt(sut, { lat: 39.77, lon: -89.655 });
    const clerk = await sut.userWith([Permission.AccountsRead, Permission.NetworkRead, Permission.NetworkConfigure]);
    panel = await openPanel(sut, VIEWPORT);
    panel.page.on('pageerror', (e) => errors.push(e.message));
    await signIn(panel, clerk);
  }, 180_000);

  afterAll(async () => {
    await panel?.browser.close();
    await sut?.close();
  });

  it('shows the address, the sites on request, and the profile of the path to the site clicked', async () => {
    const { page, base } = panel;
    await page.goto(`${base}/admin/#/accounts/${accountId}/show/network`);
    await page.getByRole('tab', { name: 'Elevation Profile' }).click();
    await page.waitForURL(/\/show\/network\/elevation-profile$/);

    // The red dot of the address, and no site until the button is pressed.
    const map = page.getByRole('region', { name: /^Map of .* and the network sites$/ });
    await map.waitFor();
    await map.locator('path.leaflet-interactive[stroke="#c62828"]').waitFor();
    const westTower = page.getByRole('button', { name: 'Network site West Water Tower' });
    expect(await westTower.count()).toBe(0);
    await page.getByRole('button', { name: 'Network Sites' }).click();
    await westTower.waitFor();
    expect(await page.locator('.elevation-site-marker').count()).toBe(3);

    // The site clicked on the map opens its profile: the chart with its line of sight, and the verdict.
    await westTower.click();
    const profile = page.getByRole('region', { name: 'Elevation profile to West Water Tower' });
    const verdict = profile.getByRole('status', { name: 'Verdict' });
    await verdict.getByText(/^Blocked at 1\.3\d km$/).waitFor();
    const chart = profile.getByRole('figure', { name: 'Elevation profile to West Water Tower' });
    await chart.locator('.MuiLineChart-line[data-series="los"]').waitFor();
    for (const series of ['terrain', 'clutter', 'fresnel-upper', 'fresnel-lower', 'blocked']) {
      expect(await chart.locator(`.MuiLineChart-line[data-series="${series}"]`).count()).toBe(1);
    }
    expect(await chart.locator('.MuiLineChart-mark').count()).toBeGreaterThan(0);
    await profile.getByText('Terrain + clutter').waitFor();

    // Hovering the middle of the path gives its figures.
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.locator('.MuiChartsSurface-root').boundingBox();
    if (!box) throw new Error('the profile chart has no size');
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
    const tooltip = page.getByRole('tooltip', { name: /^Profile at / });
    for (const label of ['Elevation', 'Clutter', 'Line of sight', 'Fresnel radius', 'Clearance'])
      await tooltip.getByText(label, { exact: true }).waitFor();
    await still(page);
    await page.screenshot({ path: join(SHOTS, 'elevation-profile-tab.png'), fullPage: true });

    // Another band and antenna of the same site: still through the trees.
    await profile.getByLabel('Frequency').click();
    await page.getByRole('option', { name: '3.65 GHz' }).click();
    await profile.getByLabel('Site antenna').click();
    await page.getByRole('option', { name: '45 m above ground' }).click();
    await verdict.getByText(/^Blocked at /).waitFor();
    const [{ n: cached }] = await sut.db.query('SELECT COUNT(*) AS n FROM elevation_profile_cache');
    expect(Number(cached)).toBe(3);

    // The mast on the bluff, chosen from the list under the map, sees the address over the wood.
    await page
      .getByRole('list', { name: 'Network sites by distance' })
      .getByRole('button', { name: /^Bluff Mast/ })
      .click();
    const mast = page.getByRole('region', { name: 'Elevation profile to Bluff Mast' });
    await mast.getByRole('status', { name: 'Verdict' }).getByText('Clear', { exact: true }).waitFor();
    await mast.getByRole('figure').locator('.MuiLineChart-line[data-series="los"]').waitFor();
    await still(page);
    await mast.screenshot({ path: join(SHOTS, 'elevation-profile-clear.png') });
    expect(errors).toEqual([]);
  }, 120_000);

  it('keeps the sites and the tiles under Settings: a site added with its bands, a tile uploaded and deleted', async () => {
    const { page, base } = panel;
    await page.getByRole('menuitem', { name: 'Network sites' }).click();
    await page.getByRole('cell', { name: 'Bluff Mast' }).waitFor();
    await page.getByRole('cell', { name: '5.8 GHz, 2.45 GHz' }).waitFor();

    await page.goto(`${base}/admin/#/network-sites/create`);
    await page.getByRole('textbox', { name: /^Name/ }).fill('Church steeple');
    await page.getByRole('spinbutton', { name: /^Latitude/ }).fill('39.7755');
    await page.getByRole('spinbutton', { name: /^Longitude/ }).fill('-89.6602');
    await page.getByRole('textbox', { name: /^Antenna heights/ }).fill('18, 24');
    await page.getByRole('textbox', { name: /^Frequency bands/ }).fill('5.8 GHz, 900 MHz');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'Church steeple' }).waitFor();
    const [steeple] = await sut.db.query("SELECT id FROM network_sites WHERE name = 'Church steeple'");
    const saved = (
      await sut
        .http()
        .get(`/api/network-sites/${steeple.id}`)
        .auth((await sut.admin()).token, { type: 'bearer' })
        .expect(200)
    ).body;
    expect(saved).toMatchObject({ latitude: 39.7755, longitude: -89.6602, antennaHeightsM: [18, 24], frequenciesMhz: [5800, 900] });

    await page.getByRole('menuitem', { name: 'Elevation tiles' }).click();
    await page.getByRole('cell', { name: /demo-springfield-dem/ }).waitFor();
    await page.getByRole('button', { name: 'Upload tile' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload an elevation tile' });
    await dialog.getByLabel('GeoTIFF file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a tile') });
    await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
    await dialog.getByRole('alert').getByText('The file is not a TIFF image.').waitFor();
    const tile = geoTiffFromGrid(
      syntheticTerrain({ westLon: -89.9, northLat: 39.9, pixelDeg: 1 / 1200, width: 60, height: 60, plainM: 200 }),
    );
    await dialog.getByLabel('GeoTIFF file').setInputFiles({ name: 'N39W090-3s.tif', mimeType: 'image/tiff', buffer: Buffer.from(tile) });
    await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: 'N39W090-3s.tif' });
    await row.getByText('60 × 60, 93 m').waitFor();
    await still(page);
    await page.screenshot({ path: join(SHOTS, 'elevation-tiles-list.png'), fullPage: true });

    await row.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await row.waitFor({ state: 'detached' });
    const [{ n }] = await sut.db.query("SELECT COUNT(*) AS n FROM elevation_tiles WHERE name = 'N39W090-3s.tif'");
    expect(Number(n)).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);
});
