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
 * The account's Network & Inventory tab in headless Chromium, against a FreeRADIUS of the suite's
 * own: a clerk adds a RADIUS account, gives it the next free address of a pool, and `radtest`
 * gets that address from the server; the assignment is listed as active, and once removed, in
 * the history.
 */
describe('the Network & Inventory tab, provisioning a real FreeRADIUS', () => {
  let lab: RadiusLab;
  let sut: TestApp;
  let stopWorker: () => Promise<void>;
  let panel: Panel;
  let clerk: { id: number; email: string; password: string; token: string };
  let accountId: number;
  const errors: string[] = [];

  const pending = async () =>
    Number(
      (await sut.db.query('SELECT COUNT(*) AS n FROM network_sync_requests WHERE account_id = ? AND applied_at IS NULL', [accountId]))[0].n,
    );
  const applied = () => waitUntil(`account ${accountId}'s network changes to be applied`, async () => (await pending()) === 0, 30_000);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    lab = await startRadiusLab();
    sut = await createIsolatedTestApp({ ...lab.config, NETWORK_SYNC_RETRY_CEILING: '2s' });
    ({ stop: stopWorker } = await startTestWorker(sut));
    const { token } = await sut.admin();
    const post = (path: string, body: object) => sut.http().post(path).auth(token, { type: 'bearer' }).send(body).expect(201);

    const supernet = (await post('/api/ip-supernets', { name: 'Harbor CGNAT', network: '100.66.0.0/16' })).body;
    const subnet = (
      await post('/api/ip-subnets', { supernetId: supernet.id, name: 'Harbor PPPoE', network: '100.66.4.0/24', gateway: '100.66.4.1' })
    ).body;
    await post('/api/ip-pools', { subnetId: subnet.id, name: 'Harbor pool', firstAddress: '100.66.4.20', lastAddress: '100.66.4.120' });
    const service = (
      await post('/api/services', {
        name: 'Fibre 100',
        kind: 'data',
        price: 4999,
        downloadKbps: 100_000,
        uploadKbps: 20_000,
        ledgerCode: '4000',
        taxIds: [],
      })
    ).body;
    accountId = await insertAccount(sut.db, 'Harbor Cafe');
    await post('/api/account-services', { accountId, serviceId: service.id });

    clerk = await sut.userWith([Permission.AccountsRead, Permission.NetworkRead, Permission.NetworkManage]);
    panel = await openPanel(sut, VIEWPORT);
    panel.page.on('pageerror', (e) => errors.push(e.message));
    await signIn(panel, clerk);
  }, 180_000);

  afterAll(async () => {
    await panel?.browser.close();
    await stopWorker?.();
    await sut?.close();
    await lab?.close();
  });

  it('assigns a pool address to a new RADIUS account that radtest then gets, and keeps it in the history once removed', async () => {
    const { page, base } = panel;
    const [{ name: clerkName }] = await sut.db.query('SELECT name FROM staff_users WHERE id = ?', [clerk.id]);

    await page.goto(`${base}/admin/#/accounts/${accountId}/show`);
    await page.getByRole('tab', { name: 'Network & Inventory' }).click();
    await page.getByRole('tab', { name: 'RADIUS Accounts' }).click();
    await page.getByText('This account has no RADIUS accounts.').waitFor();

    // A new login, with a generated password the clerk can read out.
    await page.getByRole('button', { name: 'Add RADIUS account' }).click();
    const adding = page.getByRole('dialog', { name: 'Add RADIUS account' });
    await adding.getByRole('textbox', { name: 'Username' }).fill('harbor-cafe');
    await adding.getByRole('button', { name: 'Generate' }).click();
    const password = await adding.getByRole('textbox', { name: /^Password/ }).inputValue();
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    await adding.getByRole('button', { name: 'Add RADIUS account' }).click();
    await adding.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: 'RADIUS account harbor-cafe' });
    await row.getByText('100M/20M').waitFor();

    // Add IP assignment on it: the pool's next free address, held for the clerk, then assigned.
    await page.getByRole('button', { name: 'Actions for harbor-cafe' }).click();
    await page.getByRole('menuitem', { name: 'Add IP assignment' }).click();
    const assigning = page.getByRole('dialog', { name: 'Assign IP address' });
    await assigning.getByRole('combobox', { name: 'Assign to' }).getByText('RADIUS account harbor-cafe').waitFor();
    await assigning.getByRole('combobox', { name: 'Pool' }).click();
    await page.getByRole('option', { name: /Harbor pool/ }).click();
    await assigning.getByRole('button', { name: 'Next free' }).click();
    await assigning.getByText(/Held for you until \d{1,2}:\d{2}/).waitFor();
    const address = await assigning.getByRole('textbox', { name: 'Address' }).inputValue();
    expect(address).toBe('100.66.4.20');
    await assigning.screenshot({ path: join(SHOTS, 'network-assign-ip-dialog.png') });
    await assigning.getByRole('button', { name: 'Assign', exact: true }).click();
    await assigning.waitFor({ state: 'detached' });
    await row.getByText(address).waitFor();

    await applied();
    const accept = await lab.radtest('harbor-cafe', password);
    expect(accept.accepted).toBe(true);
    expect(accept.output).toContain(`Framed-IP-Address = ${address}`);
    await page.screenshot({ path: join(SHOTS, 'network-radius-accounts.png'), fullPage: true });

    // Listed as active, with who holds it and who assigned it.
    await page.getByRole('tab', { name: 'IP Assignments' }).click();
    const active = page.getByRole('table', { name: 'Active IP assignments' });
    const assignment = active.getByRole('row').filter({ hasText: address });
    await assignment.getByText('harbor-cafe').waitFor();
    await assignment.getByText('Harbor pool').waitFor();
    await assignment.getByText(`by ${clerkName}`).waitFor();
    await page.screenshot({ path: join(SHOTS, 'network-ip-assignments.png'), fullPage: true });

    // Removed after a confirmation: gone from the active list and from the server, kept in the history.
    await page.getByRole('button', { name: `Actions for ${address}` }).click();
    await page.getByRole('menuitem', { name: 'Remove' }).click();
    const removing = page.getByRole('dialog', { name: `Remove ${address}?` });
    await removing.getByText('stays in the history', { exact: false }).waitFor();
    await removing.getByRole('button', { name: 'Remove' }).click();
    await removing.waitFor({ state: 'detached' });
    await page.getByText('No addresses are assigned to this account.').waitFor();
    await page.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('table', { name: 'IP assignment history' });
    const removed = history.getByRole('row').filter({ hasText: address });
    await removed.getByText('harbor-cafe').waitFor();
    expect(await removed.getByText(`by ${clerkName}`).count()).toBe(2);
    await page.screenshot({ path: join(SHOTS, 'network-ip-assignments-history.png'), fullPage: true });

    await applied();
    const after = await lab.radtest('harbor-cafe', password);
    expect(after.accepted).toBe(true);
    expect(after.output).not.toContain('Framed-IP-Address');
    expect(errors).toEqual([]);
  }, 180_000);

  it('keeps the address plan and the NAS devices under Settings, with the API\u2019s refusals on the fields', async () => {
    const configurer = await sut.userWith([Permission.AccountsRead, Permission.NetworkRead, Permission.NetworkConfigure]);
    const page = await panel.browser.newPage({ viewport: VIEWPORT, locale: 'en-US' });
    page.on('pageerror', (e) => errors.push(e.message));
    const { base } = panel;
    await signIn({ ...panel, page }, configurer);

    // A subnet over one that exists is refused, and the form says so on the network.
    await page.goto(`${base}/admin/#/ip-subnets/create`);
    await page.getByRole('combobox', { name: /^Supernet/ }).fill('Harbor');
    await page.getByRole('option', { name: /Harbor CGNAT/ }).click();
    await page.getByRole('textbox', { name: /^Name/ }).fill('Tower 5');
    await page.getByRole('textbox', { name: /^Network/ }).fill('100.66.4.0/25');
    await page.getByRole('button', { name: 'Save' }).click();
    const networkField = page.locator('.MuiFormControl-root', { has: page.getByRole('textbox', { name: /^Network/ }) });
    await networkField.getByText('overlaps subnet 100.66.4.0/24', { exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'settings-subnet-refused.png'), fullPage: true });
    await page.getByRole('textbox', { name: /^Network/ }).fill('100.66.5.0/24');
    await page.getByRole('textbox', { name: /^Gateway/ }).fill('100.66.5.1');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Subnet created').waitFor();

    // Supernets open their subnets, subnets their pools, each with how full it is.
    await page.goto(`${base}/admin/#/ip-supernets`);
    await page.getByRole('row').filter({ hasText: 'Harbor CGNAT' }).getByRole('cell', { name: '2', exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'settings-ip-supernets.png'), fullPage: true });
    await page.getByRole('cell', { name: 'Harbor CGNAT' }).click();
    await page.getByRole('cell', { name: 'Tower 5' }).waitFor();
    const pppoe = page.getByRole('row').filter({ hasText: 'Harbor PPPoE' });
    await pppoe.getByText('0 of 253 used').waitFor();
    await page.screenshot({ path: join(SHOTS, 'settings-ip-subnets.png'), fullPage: true });
    await pppoe.getByRole('cell', { name: 'Harbor PPPoE' }).click();
    await page.getByRole('cell', { name: 'Harbor pool' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'settings-ip-pools.png'), fullPage: true });

    // A NAS device: the secret is written once; an edit that leaves it empty keeps it.
    await page.goto(`${base}/admin/#/nas-devices/create`);
    // The hash change keeps the document, so wait for the create form to replace the pool page.
    await page.getByLabel(/^Shared secret/).waitFor();
    await page.getByRole('textbox', { name: /^Name/ }).fill('Tower 5 BRAS');
    await page.getByRole('textbox', { name: /^Address/ }).fill('100.66.5.2');
    await page.getByLabel(/^Shared secret/).fill('tower5-shared-secret');
    await page.getByRole('combobox', { name: /^Type/ }).click();
    await page.getByRole('option', { name: 'MikroTik' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'Tower 5 BRAS' }).click();
    await page.getByRole('textbox', { name: 'Description' }).fill('On the water tower');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'On the water tower' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'settings-nas-devices.png'), fullPage: true });
    const [nas] = await sut.db.query('SELECT secret, nas_type, description FROM nas_devices WHERE name = ?', ['Tower 5 BRAS']);
    expect(nas).toEqual({ secret: 'tower5-shared-secret', nas_type: 'mikrotik', description: 'On the water tower' });
    await page.close();
    expect(errors).toEqual([]);
  }, 120_000);
});
