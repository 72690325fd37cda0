import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Permission } from '../../src/auth/permission';
import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import { openPanel, type Panel, signIn } from '../support/panel';
import { waitUntil } from '../support/processes';
import { type RadiusLab, startRadiusLab } from '../support/radius-lab';
import type { TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

const VIEWPORT = { width: 1440, height: 1000 };
/** Kept after the run (the run's scratch folder is not), to be looked at. */
const SHOTS = join(process.cwd(), 'test-results', 'screenshots');

/**
 * The network's settings and the account's provisioning in headless Chromium, against a FreeRADIUS
 * of the suite's own: an operator makes an address list of delinquent accounts, copies its key,
 * replaces it and reads what routers get; runs a reconciliation that puts back a login's address
 * changed by hand on the server and reads its report; and sees on the account whether the network
 * is in step, and why not while FreeRADIUS is down.
 */
describe('address lists, reconciliations and provisioning status in the panel', () => {
  let lab: RadiusLab;
  let sut: TestApp;
  let stopWorker: () => Promise<void>;
  let panel: Panel;
  let operator: { id: number; email: string; password: string; token: string };
  let accountId: number;
  let radiusAccountId: number;
  let poolId: number;
  let address: string;
  const errors: string[] = [];

  const unapplied = async () =>
    Number((await sut.db.query('SELECT COUNT(*) AS n FROM network_sync_requests WHERE applied_at IS NULL'))[0].n);
  const applied = () => waitUntil('every network change to be applied', async () => (await unapplied()) === 0, 30_000);
  const fetchList = (name: string, key: string) =>
    sut.http().get(`/api/address-lists/${name}/entries`).set('Authorization', `Bearer ${key}`);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    lab = await startRadiusLab();
    sut = await createIsolatedTestApp({ ...lab.config, NETWORK_SYNC_RETRY_CEILING: '2s', NETWORK_SYNC_IDLE: '1m' });
    ({ stop: stopWorker } = await startTestWorker(sut));
    const { token } = await sut.admin();
    const post = async (path: string, body: object) =>
      (await sut.http().post(path).auth(token, { type: 'bearer' }).send(body).expect(201)).body;

    const supernet = await post('/api/ip-supernets', { name: 'Harbor CGNAT', network: '100.72.0.0/16' });
    const subnet = await post('/api/ip-subnets', { supernetId: supernet.id, name: 'Harbor PPPoE', network: '100.72.4.0/24' });
    poolId = (
      await post('/api/ip-pools', { subnetId: subnet.id, name: 'Harbor pool', firstAddress: '100.72.4.20', lastAddress: '100.72.4.90' })
    ).id;
    accountId = await insertAccount(sut.db, 'Harbor Cafe');
    // Its status, made for it alone, becomes a delinquency status: the list of delinquent accounts takes it.
    await sut.db.query(
      'UPDATE account_statuses SET name = ?, is_delinquency = 1 WHERE id = (SELECT account_status_id FROM accounts WHERE id = ?)',
      ['Suspended for non-payment', accountId],
    );
    radiusAccountId = (await post(`/api/accounts/${accountId}/radius-accounts`, { username: 'harbor-cafe', password: 'harbor-pass-1' })).id;
    address = (await post(`/api/accounts/${accountId}/ip-assignments`, { assignee: 'radius_account', radiusAccountId, poolId })).address;
    await applied();

    operator = await sut.userWith([Permission.AccountsRead, Permission.NetworkRead, Permission.NetworkManage, Permission.NetworkConfigure]);
    panel = await openPanel(sut, VIEWPORT);
    panel.page.on('pageerror', (e) => errors.push(e.message));
    await signIn(panel, operator);
  }, 180_000);

  afterAll(async () => {
    await panel?.browser.close();
    await stopWorker?.();
    await sut?.close();
    await lab?.close();
  });

  it('makes an address list, shows its key once, replaces it after a warning, and previews what routers get', async () => {
    const { page } = panel;
    await page.getByRole('menuitem', { name: 'Address lists' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    // Typed only once the form is up, never into the list's search.
    await page.getByRole('button', { name: 'Save' }).waitFor();
    await page.getByRole('textbox', { name: /^Name/ }).fill('Delinquent');
    await page.getByRole('textbox', { name: /^Description/ }).fill('Redirect to the payment page');
    await page.getByRole('button', { name: 'Save' }).click();
    const nameField = page.locator('.MuiFormControl-root', { has: page.getByRole('textbox', { name: /^Name/ }) });
    await nameField.getByText('Lower-case letters, digits, - and _, starting with a letter or digit').waitFor();
    await page.getByRole('textbox', { name: /^Name/ }).fill('delinquent');
    await page.getByRole('radio', { name: 'Accounts in a delinquency status' }).check();
    await page.getByText('The list holds the addresses and routed subnets assigned to accounts in a delinquency status').waitFor();
    await page.getByText('The form is not valid', { exact: false }).waitFor({ state: 'hidden' });
    await page.screenshot({ path: join(SHOTS, 'address-list-create.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save' }).click();

    // The key, shown this once, with a script that carries it; Backhaul kept only its hash.
    const shown = page.getByRole('dialog', { name: 'Fetch key for delinquent' });
    const firstKey = (await shown.getByLabel('Fetch key', { exact: true }).textContent()) ?? '';
    expect(firstKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await shown.getByLabel('RouterOS scheduler script, with this key').getByText(`Bearer ${firstKey}`, { exact: false }).waitFor();
    await shown.getByRole('button', { name: 'Copy the fetch key' }).click();
    await shown.getByRole('button', { name: 'Copy the fetch key' }).getByText('Copied').waitFor();
    await shown.screenshot({ path: join(SHOTS, 'address-list-fetch-key.png') });
    const [stored] = await sut.db.query('SELECT fetch_key_sha256 FROM address_lists WHERE name = ?', ['delinquent']);
    expect(stored.fetch_key_sha256).not.toContain(firstKey);
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await shown.waitFor({ state: 'detached' });
    expect((await fetchList('delinquent', firstKey).expect(200)).text).toBe(`${address}\n`);

    // The edit page: where routers fetch it, and what they get now, in both formats.
    await page.getByText('For routers').waitFor();
    await page
      .getByLabel('Plain list, one entry a line')
      .getByText(/\/api\/address-lists\/delinquent\/entries$/)
      .waitFor();
    await page
      .getByLabel('RouterOS script for /import')
      .getByText(/\/entries\?format=routeros$/)
      .waitFor();
    await page.getByText('Entries now: 1').waitFor();
    await page.getByLabel('Entries as plain lines').getByText(address).waitFor();
    await page.getByRole('button', { name: 'RouterOS', exact: true }).click();
    await page
      .getByLabel('Entries as a RouterOS script')
      .getByText(`/ip firewall address-list add list="delinquent" address=${address}`, { exact: false })
      .waitFor();
    // The bar stays at the top of the window: scrolled down, a full-page picture would show it across the form.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SHOTS, 'address-list-edit.png'), fullPage: true });

    // A new key, after a warning that the old one stops at once.
    await page.getByRole('button', { name: 'New fetch key' }).click();
    const confirming = page.getByRole('dialog', { name: 'New fetch key for delinquent?' });
    await confirming.getByText('The current key stops working at once', { exact: false }).waitFor();
    await confirming.screenshot({ path: join(SHOTS, 'address-list-new-key-confirm.png') });
    await confirming.getByRole('button', { name: 'Replace the key' }).click();
    const replaced = page.getByRole('dialog', { name: 'Fetch key for delinquent' });
    const secondKey = (await replaced.getByLabel('Fetch key', { exact: true }).textContent()) ?? '';
    expect(secondKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(secondKey).not.toBe(firstKey);
    await replaced.getByRole('button', { name: 'I have copied it' }).click();
    await fetchList('delinquent', firstKey).expect(401);
    expect((await fetchList('delinquent', secondKey).expect(200)).text).toBe(`${address}\n`);

    // The list: sorted by name, searchable, with what each holds.
    await page.getByRole('menuitem', { name: 'Address lists' }).click();
    const row = page.getByRole('row').filter({ hasText: 'delinquent' });
    await row.getByText('Accounts in a delinquency status').waitFor();
    await row.getByRole('cell', { name: '1', exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'address-lists.png'), fullPage: true });
    const entries = await sut.db.query(
      "SELECT action FROM action_history WHERE entity_type = 'address_list' AND actor_user_id = ? ORDER BY id",
      [operator.id],
    );
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['address_list.create', 'address_list.rotate_key']);
    expect(errors).toEqual([]);
  }, 120_000);

  it('runs a reconciliation from the panel that puts back an address changed by hand, and opens its report', async () => {
    const { page } = panel;
    await lab.rows("UPDATE radreply SET value = '10.9.9.9' WHERE username = 'harbor-cafe' AND attribute = 'Framed-IP-Address'");

    await page.getByRole('menuitem', { name: 'Network reconciliations' }).click();
    await page.getByRole('button', { name: 'Run reconciliation now' }).click();
    const confirming = page.getByRole('dialog', { name: 'Run a reconciliation now?' });
    await confirming.getByText('Anything changed by hand on those servers is put back', { exact: false }).waitFor();
    await confirming.screenshot({ path: join(SHOTS, 'network-reconciliation-confirm.png') });
    await confirming.getByRole('button', { name: 'Run reconciliation' }).click();

    // Its report, once it has finished: the server, what was wrong, what was changed.
    await page.getByText('Completed').waitFor({ timeout: 30_000 });
    const repairs = page.getByRole('table', { name: 'Repairs' });
    const repair = repairs.getByRole('row').filter({ hasText: 'harbor-cafe: Framed-IP-Address was 10.9.9.9' });
    await repair.getByRole('cell', { name: 'FreeRADIUS' }).waitFor();
    await repair.getByRole('cell', { name: `Set to ${address}` }).waitFor();
    await page.getByText(/^1 repair \(rows written: 2 on FreeRADIUS\)$/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'network-reconciliation-report.png'), fullPage: true });
    expect((await lab.radtest('harbor-cafe', 'harbor-pass-1')).output).toContain(`Framed-IP-Address = ${address}`);

    await page.getByRole('menuitem', { name: 'Network reconciliations' }).click();
    const [{ name: operatorName }] = await sut.db.query('SELECT name FROM staff_users WHERE id = ?', [operator.id]);
    const row = page.getByRole('row').filter({ hasText: operatorName });
    await row.getByText('Completed').waitFor();
    await page.screenshot({ path: join(SHOTS, 'network-reconciliations.png'), fullPage: true });
    const [audited] = await sut.db.query("SELECT actor_user_id FROM action_history WHERE action = 'network_reconciliation.start'");
    expect(Number(audited.actor_user_id)).toBe(operator.id);
    expect(errors).toEqual([]);
  }, 120_000);

  it('shows on the account whether the network is in step, and waits for FreeRADIUS, saying why, while it is down', async () => {
    const { page, base } = panel;
    await page.goto(`${base}/admin/#/accounts/${accountId}/show/network`);
    const status = page.getByRole('region', { name: 'Network status' });
    await status.getByText('In step with the network').waitFor();
    await status.getByText(/Last change applied .*: IP address assigned\./).waitFor();
    await page.screenshot({ path: join(SHOTS, 'network-status-in-step.png'), fullPage: true });

    await lab.server.stop();
    try {
      await sut
        .http()
        .patch(`/api/radius-accounts/${radiusAccountId}`)
        .auth(operator.token, { type: 'bearer' })
        .send({ password: 'harbor-pass-2' })
        .expect(200);
      await status.getByText('Waiting for FreeRADIUS').waitFor({ timeout: 30_000 });
      await status.getByText(/did not answer Status-Server/).waitFor();
      await status.getByText(/Tried [2-9]\d* times/).waitFor({ timeout: 30_000 });
      await status.screenshot({ path: join(SHOTS, 'network-status-waiting-for-freeradius.png') });
      await page.screenshot({ path: join(SHOTS, 'network-status-waiting-page.png'), fullPage: true });
    } finally {
      await lab.server.restart();
    }
    await status.getByText('In step with the network').waitFor({ timeout: 30_000 });
    expect((await lab.radtest('harbor-cafe', 'harbor-pass-2')).accepted).toBe(true);

    // Sync now: a pass that writes the account's whole state again.
    await status.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText('Sync started', { exact: false }).waitFor();
    await status.getByText('In step with the network').waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
  }, 120_000);
});
