import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Permission } from '../../src/auth/permission';
import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import { openPanel, type Panel, signIn } from '../support/panel';
import type { TestApp } from '../support/test-app';

const VIEWPORT = { width: 1440, height: 1000 };
/** Kept after the run (the run's scratch folder is not), to be looked at. */
const SHOTS = join(process.cwd(), 'test-results', 'screenshots');
const LOGINS = 27;
const login = (n: number) => `pier-${String(n).padStart(2, '0')}`;

/**
 * The RADIUS Accounts tab of an account with more logins than a page holds, in headless Chromium,
 * for a clerk who may look but not manage: the list pages, searches by username, sorts, and
 * exports what it finds as CSV; no row offers actions.
 */
describe('the RADIUS Accounts tab as a list: paged, searched, sorted and exported', () => {
  let sut: TestApp;
  let panel: Panel;
  let accountId: number;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sut = await createIsolatedTestApp();
    const { token } = await sut.admin();
    const post = (path: string, body: object) => sut.http().post(path).auth(token, { type: 'bearer' }).send(body).expect(201);
    accountId = await insertAccount(sut.db, 'Pier Hotel');
    for (let n = LOGINS; n >= 1; n--)
      await post(`/api/accounts/${accountId}/radius-accounts`, { username: login(n), password: `${login(n)}-secret` });
    // Another account's login is never in this account's list.
    await post(`/api/accounts/${await insertAccount(sut.db, 'Next Door')}/radius-accounts`, {
      username: 'pier-neighbour',
      password: 'neighbour-secret',
    });
    panel = await openPanel(sut, VIEWPORT, { acceptDownloads: true });
    panel.page.on('pageerror', (e) => errors.push(e.message));
    await signIn(panel, await sut.userWith([Permission.AccountsRead, Permission.NetworkRead]));
  }, 180_000);

  afterAll(async () => {
    await panel?.browser.close();
    await sut?.close();
  });

  it('pages by username, searches, sorts and exports, with no actions for a clerk who may not manage', async () => {
    const { page, base } = panel;
    await page.goto(`${base}/admin/#/accounts/${accountId}/show/network/radius-accounts`);
    const table = page.getByRole('table', { name: 'RADIUS accounts' });
    const rows = table.locator('tbody tr');

    // A page of 25, by username.
    await table
      .getByRole('row', { name: `RADIUS account ${login(1)}` })
      .getByText('None')
      .waitFor();
    await page.getByText(`1-25 of ${LOGINS}`).waitFor();
    expect(await rows.count()).toBe(25);
    expect(await rows.first().getByRole('cell').first().innerText()).toBe(login(1));
    expect(await page.getByRole('button', { name: 'Add RADIUS account' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: `Actions for ${login(1)}` }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'network-radius-accounts-list.png'), fullPage: true });

    // The next page holds the rest.
    await page.getByRole('button', { name: 'Go to next page' }).click();
    await page.getByText(`26-${LOGINS} of ${LOGINS}`).waitFor();
    await table.getByRole('row', { name: `RADIUS account ${login(LOGINS)}` }).waitFor();

    // A search by part of the username, back on the first page.
    const search = page.getByPlaceholder('Username');
    await search.fill('pier-2');
    await page.getByText('1-8 of 8').waitFor();
    await table.getByRole('row', { name: `RADIUS account ${login(20)}` }).waitFor();
    expect(await rows.count()).toBe(8);

    // Sorted the other way by a click on the column.
    await table.getByRole('button', { name: /username/i }).click();
    await rows
      .first()
      .getByRole('cell', { name: login(27), exact: true })
      .waitFor();

    // The export holds what the search found, in the order shown.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toBe(`radius-accounts-account-${accountId}.csv`);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('id,username,ip_addresses,speed,created_at');
    expect(csv.slice(1).map((line) => line.split(',')[1])).toEqual([27, 26, 25, 24, 23, 22, 21, 20].map(login));

    // A search that finds nothing says so, rather than that the account has none.
    await search.fill('nobody');
    await page.getByText('No RADIUS account matches the search.').waitFor();
    expect(await page.getByText('This account has no RADIUS accounts.').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);
});
