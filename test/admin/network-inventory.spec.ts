import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Permission } from '../../src/auth/permission';
import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import { type KeaTestLab, startKeaLab } from '../support/kea-lab';
import { openPanel, type Panel, signIn } from '../support/panel';
import { waitUntil } from '../support/processes';
import type { TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

const VIEWPORT = { width: 1440, height: 1000 };
/** Kept after the run (the run's scratch folder is not), to be looked at. */
const SHOTS = join(process.cwd(), 'test-results', 'screenshots');
const ITEM_MAC = '02:5e:00:00:00:01';
const OWN_ROUTER_MAC = '02:5e:00:00:00:02';
/** Not the pool's first address, which the item's MAC leased: Kea keeps a lease to its MAC until it expires. */
const OWN_ROUTER_ADDRESS = '100.69.3.200';

/** Boxes on the page that scroll sideways or cut their content off on the right (a row of tabs scrolls by design). */
const sidewaysOverflow = (page: Page): Promise<string[]> =>
  page.evaluate(`(() => {
    const found = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) found.push('the page');
    for (const el of document.querySelectorAll('body *')) {
      if (el.scrollWidth <= el.clientWidth + 1 || el.clientWidth < 120) continue;
      if (el.classList.contains('MuiTabs-scroller') || el.getAttribute('role') === 'progressbar') continue;
      const style = getComputedStyle(el);
      if (style.overflowX === 'visible' && style.overflow === 'visible') continue;
      found.push(el.tagName.toLowerCase() + '.' + String(el.className).split(' ').slice(0, 2).join('.'));
    }
    return found;
  })()`);

/**
 * The account's inventory in headless Chromium, against a Kea DHCPv4 of the suite's own: a clerk
 * assigns an item from stock to the account and gives its MAC the pool's next free address, which a
 * DHCP exchange from that MAC is then acked; an uninventoried MAC address added with a particular
 * address gets that one, and goes from the account once its address is removed.
 */
describe('the Network & Inventory tab, with inventory items and MAC addresses on a real Kea', () => {
  let lab: KeaTestLab;
  let sut: TestApp;
  let stopWorker: () => Promise<void>;
  let panel: Panel;
  let accountId: number;
  let serverId: number;
  const errors: string[] = [];

  const unapplied = async () =>
    Number((await sut.db.query('SELECT COUNT(*) AS n FROM network_sync_requests WHERE applied_at IS NULL'))[0].n);
  const applied = () => waitUntil('every network change to be applied', async () => (await unapplied()) === 0, 30_000);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    lab = await startKeaLab();
    sut = await createIsolatedTestApp({ NETWORK_SYNC_RETRY_CEILING: '2s' });
    ({ stop: stopWorker } = await startTestWorker(sut));
    const { token } = await sut.admin();
    const post = async (path: string, body: object) =>
      (await sut.http().post(path).auth(token, { type: 'bearer' }).send(body).expect(201)).body;

    const supernet = await post('/api/ip-supernets', { name: 'Fixed wireless', network: '100.69.0.0/16' });
    const subnet = await post('/api/ip-subnets', {
      supernetId: supernet.id,
      name: 'Tower 3',
      network: '100.69.3.0/24',
      gateway: '100.69.3.1',
    });
    await post('/api/ip-pools', { subnetId: subnet.id, name: 'Tower 3 CPE', firstAddress: '100.69.3.20', lastAddress: '100.69.3.120' });
    serverId = (await post('/api/dhcp-servers', lab.dhcpServer('Lab Kea', [subnet.id]))).id;
    const maker = await post('/api/inventory-manufacturers', { name: 'Ubiquiti' });
    const model = await post('/api/inventory-models', {
      manufacturerId: maker.id,
      name: 'LiteBeam 5AC',
      macCount: 1,
      serialRequired: true,
      fields: [{ name: 'Firmware' }, { name: 'Wi-Fi key', required: true }],
    });
    const shelf = await post('/api/stock-locations', { name: 'Main warehouse', description: 'Behind the office' });
    const [firmware, wifiKey] = model.fields as { id: number }[];
    await post('/api/inventory-items', {
      modelId: model.id,
      serial: 'LB-0001',
      macs: [ITEM_MAC],
      fieldValues: [
        { fieldId: firmware.id, value: '8.7.11' },
        { fieldId: wifiKey.id, value: 'harbor-5ghz' },
      ],
      stockLocationId: shelf.id,
    });
    accountId = await insertAccount(sut.db, 'Harbor Cafe');
    await applied();

    const clerk = await sut.userWith([
      Permission.AccountsRead,
      Permission.NetworkRead,
      Permission.NetworkManage,
      Permission.NetworkConfigure,
    ]);
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

  it("assigns an item from stock, gives its MAC the pool's next free address, and Kea acks that address to the MAC", async () => {
    const { page, base } = panel;
    await page.goto(`${base}/admin/#/accounts/${accountId}/show`);
    await page.getByRole('tab', { name: 'Network & Inventory' }).click();
    await page.getByRole('tab', { name: 'Inventory Items' }).click();
    await page.getByText('No items are deployed at this account.').waitFor();

    // Assign Item: the unit in stock, found by its serial.
    await page.getByRole('button', { name: 'Assign Item' }).click();
    const assigningItem = page.getByRole('dialog', { name: 'Assign item' });
    await assigningItem.getByRole('combobox', { name: /Item in stock/ }).fill('LB-0001');
    await page.getByRole('option', { name: /LiteBeam 5AC · SN LB-0001/ }).click();
    await assigningItem.getByText('At Main warehouse').waitFor();
    await assigningItem.getByRole('button', { name: 'Assign item' }).click();
    await assigningItem.waitFor({ state: 'detached' });
    const items = page.getByRole('table', { name: 'Inventory items' });
    const row = items.getByRole('row').filter({ hasText: 'LB-0001' });
    await row.getByText('Deployed').waitFor();
    await row.getByText('harbor-5ghz').waitFor();

    // Assign IP to its MAC: the MAC is chosen already, and a whole subnet is not offered to a MAC.
    await page.getByRole('button', { name: 'Actions for LiteBeam 5AC LB-0001' }).click();
    await page.getByRole('menuitem', { name: `Assign IP to ${ITEM_MAC}` }).click();
    const assigning = page.getByRole('dialog', { name: 'Assign IP address' });
    await assigning.getByRole('combobox', { name: 'Assign to' }).getByText(`Item MAC ${ITEM_MAC}`).waitFor();
    expect(await assigning.getByRole('radio', { name: 'A whole subnet' }).count()).toBe(0);
    await assigning.getByRole('combobox', { name: 'Pool' }).click();
    await page.getByRole('option', { name: /Tower 3 CPE/ }).click();
    await assigning.getByRole('button', { name: 'Next free' }).click();
    await assigning.getByText(/Held for you until/).waitFor();
    const address = await assigning.getByRole('textbox', { name: 'Address' }).inputValue();
    expect(address).toBe('100.69.3.20');
    await assigning.screenshot({ path: join(SHOTS, 'network-inventory-assign-ip-to-mac.png') });
    await assigning.getByRole('button', { name: 'Assign', exact: true }).click();
    await assigning.waitFor({ state: 'detached' });
    await row.getByText(`→ ${address}`).waitFor();

    await applied();
    expect(await lab.request(ITEM_MAC)).toEqual({ offered: address, acked: address });

    // While its MAC holds the address the item stays: the refusal's sentence is shown, nothing moves.
    await page.getByRole('button', { name: 'Actions for LiteBeam 5AC LB-0001' }).click();
    await page.getByRole('menuitem', { name: 'Change assignee' }).click();
    const moving = page.getByRole('dialog', { name: /^Change assignee of/ });
    await moving.getByText(`Its MAC addresses hold ${address}.`, { exact: false }).waitFor();
    await moving.getByRole('combobox', { name: 'Stock location' }).click();
    await page.getByRole('option', { name: 'Main warehouse' }).click();
    await moving.getByRole('button', { name: 'Change assignee' }).click();
    await moving
      .getByRole('alert')
      .getByText(`The item's MAC addresses still hold ${address}; remove or move those assignments first.`)
      .waitFor();
    await moving.screenshot({ path: join(SHOTS, 'network-inventory-change-assignee-refused.png') });
    await moving.getByRole('button', { name: 'Cancel' }).click();
    await moving.waitFor({ state: 'detached' });

    // Its own fields: the required one is marked; a new firmware is saved.
    await page.getByRole('button', { name: 'Actions for LiteBeam 5AC LB-0001' }).click();
    await page.getByRole('menuitem', { name: 'Edit field values' }).click();
    const editing = page.getByRole('dialog', { name: /^Field values of/ });
    expect(await editing.getByRole('textbox', { name: 'Wi-Fi key' }).getAttribute('required')).not.toBeNull();
    await editing.getByRole('textbox', { name: 'Firmware' }).fill('8.7.12');
    await editing.getByRole('button', { name: 'Save' }).click();
    await editing.waitFor({ state: 'detached' });
    await row.getByText('8.7.12').waitFor();

    // Add new item asks for what the model needs: its serial, its one MAC address, its fields.
    await page.getByRole('button', { name: 'Assign Item' }).click();
    const adding = page.getByRole('dialog', { name: 'Assign item' });
    await adding.getByRole('radio', { name: 'Add new item' }).check();
    await adding.getByRole('combobox', { name: /^Model/ }).fill('LiteBeam');
    await page.getByRole('option', { name: /Ubiquiti LiteBeam 5AC/ }).click();
    await adding.getByRole('textbox', { name: /^MAC address/ }).fill('02:5e:00:00:00:zz');
    await adding.getByText('Not a MAC address', { exact: false }).waitFor();
    expect(await adding.getByRole('button', { name: 'Add item' }).isDisabled()).toBe(true);
    await adding.screenshot({ path: join(SHOTS, 'network-inventory-add-new-item.png') });
    await adding.getByRole('button', { name: 'Cancel' }).click();
    await adding.waitFor({ state: 'detached' });

    // The row opened: the MAC's assignment with its pool, and a device seen behind the item recorded.
    await row.getByText('LB-0001').click();
    const detail = page.getByRole('region', { name: /^Details of item/ });
    const macPart = detail.getByRole('group', { name: `Addresses of ${ITEM_MAC}` });
    await macPart.getByText(address, { exact: true }).waitFor();
    await macPart.getByText(/Tower 3 CPE · since/).waitFor();
    await detail.getByText('No device has been seen behind it.').waitFor();
    await detail.getByRole('textbox', { name: 'MAC address seen behind it' }).fill('A4-83-E7-01-02-03');
    await detail.getByRole('button', { name: 'Record' }).click();
    await detail
      .getByRole('table', { name: /^Devices connected to item/ })
      .getByText('a4:83:e7:01:02:03')
      .waitFor();
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'network-inventory-items.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);

  it('adds an uninventoried MAC with a particular address that Kea acks, and the MAC goes once that address is removed', async () => {
    const { page } = panel;
    await page.getByRole('tab', { name: 'Uninventoried MAC Addresses' }).click();
    await page.getByText('This account has no uninventoried MAC addresses.').waitFor();

    await page.getByRole('button', { name: 'Add MAC address' }).click();
    const adding = page.getByRole('dialog', { name: 'Add MAC address' });
    await adding.getByRole('textbox', { name: 'MAC address' }).fill(OWN_ROUTER_MAC.toUpperCase());
    await adding.getByRole('textbox', { name: /^Description/ }).fill('Subscriber’s own router');
    await adding.getByRole('radio', { name: 'A particular address' }).check();
    await adding.getByRole('textbox', { name: 'Address', exact: true }).fill(OWN_ROUTER_ADDRESS);
    await adding.screenshot({ path: join(SHOTS, 'network-inventory-add-mac-dialog.png') });
    await adding.getByRole('button', { name: 'Add MAC address' }).click();
    await adding.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: `MAC address ${OWN_ROUTER_MAC}` });
    await row.getByText(OWN_ROUTER_ADDRESS).waitFor();
    await row.getByText('Subscriber’s own router').waitFor();

    await applied();
    expect((await lab.request(OWN_ROUTER_MAC)).acked).toBe(OWN_ROUTER_ADDRESS);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'network-inventory-uninventoried-macs.png'), fullPage: true });

    // Its address removed on IP Assignments, after a confirmation that says the MAC goes with it.
    await page.getByRole('tab', { name: 'IP Assignments' }).click();
    const active = page.getByRole('table', { name: 'Active IP assignments' });
    await active.getByRole('row').filter({ hasText: OWN_ROUTER_ADDRESS }).getByText(`MAC ${OWN_ROUTER_MAC}`).waitFor();

    // Found by the MAC holding it, typed as the box's label prints it; a part of a MAC is never sent.
    const macFilters: string[] = [];
    page.on('request', (request) => {
      const filter = new URL(request.url()).searchParams.get('filter');
      if (filter?.includes('"mac"')) macFilters.push(JSON.parse(filter).mac);
    });
    const byMac = page.getByRole('textbox', { name: 'MAC address' });
    await byMac.fill('02-5E-00-00');
    // The filter bar hides helper texts: the box turns red instead.
    await byMac.and(page.locator('[aria-invalid="true"]')).waitFor();
    await byMac.fill(OWN_ROUTER_MAC.replace(/:/g, '-').toUpperCase());
    await active.getByText(`Item MAC ${ITEM_MAC}`).waitFor({ state: 'detached' });
    await active.getByText(`MAC ${OWN_ROUTER_MAC}`).waitFor();
    expect(macFilters.length).toBeGreaterThan(0);
    expect(new Set(macFilters)).toEqual(new Set(['02-5E-00-00-00-02']));
    await page.screenshot({ path: join(SHOTS, 'network-ip-assignments-by-mac.png'), fullPage: true });
    await byMac.clear();
    await active.getByText(`Item MAC ${ITEM_MAC}`).waitFor();

    await page.getByRole('button', { name: `Actions for ${OWN_ROUTER_ADDRESS}` }).click();
    await page.getByRole('menuitem', { name: 'Remove' }).click();
    const removing = page.getByRole('dialog', { name: `Remove ${OWN_ROUTER_ADDRESS}?` });
    await removing.getByText('the DHCP servers stop offering it', { exact: false }).waitFor();
    await removing.getByText('the MAC address leaves the account with it', { exact: false }).waitFor();
    await removing.getByRole('button', { name: 'Remove' }).click();
    await removing.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Uninventoried MAC Addresses' }).click();
    await page.getByText('This account has no uninventoried MAC addresses.').waitFor();
    await applied();
    expect((await lab.request(OWN_ROUTER_MAC)).offered).toBeNull();
    expect(errors).toEqual([]);
  }, 120_000);

  it('shows the DHCP server with its subnets and relays, the host database login never sent back', async () => {
    const { page, base } = panel;
    await page.goto(`${base}/admin/#/dhcp-servers`);
    const row = page.getByRole('row').filter({ hasText: 'Lab Kea' });
    await row.getByText('100.69.3.0/24').waitFor();
    await row.getByText('127.0.0.1', { exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'settings-dhcp-servers.png'), fullPage: true });

    await page.goto(`${base}/admin/#/dhcp-servers/${serverId}`);
    const url = page.getByLabel(/^Host database URL/);
    await page.getByText(/^Now mysql:\/\/.+ Leave empty to keep it/).waitFor();
    expect(await url.inputValue()).toBe('');
    await page.getByText('Tower 3 (100.69.3.0/24)').waitFor();
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'settings-dhcp-server-form.png'), fullPage: true });

    // A rename without a new URL keeps the host database as it was.
    const [before] = await sut.db.query('SELECT hosts_database_url FROM dhcp_servers WHERE id = ?', [serverId]);
    await page.getByRole('textbox', { name: /^Name/ }).fill('Lab Kea 1');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('row').filter({ hasText: 'Lab Kea 1' }).waitFor();
    const [after] = await sut.db.query('SELECT hosts_database_url FROM dhcp_servers WHERE id = ?', [serverId]);
    expect(after).toEqual(before);

    await applied();

    // The inventory's settings, for a look: the models with their fields, and every item.
    await page.goto(`${base}/admin/#/inventory-models`);
    await page.getByRole('row').filter({ hasText: 'LiteBeam 5AC' }).getByText('Firmware, Wi-Fi key*').waitFor();
    await page.getByRole('cell', { name: 'LiteBeam 5AC', exact: true }).click();
    await page
      .getByRole('textbox', { name: /^Field name/ })
      .first()
      .waitFor();
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'settings-inventory-model-form.png'), fullPage: true });
    // A new item into stock from Settings: the model's inputs appear once it is chosen.
    await page.goto(`${base}/admin/#/inventory-items/create`);
    await page.getByRole('combobox', { name: /^Model/ }).fill('LiteBeam');
    await page.getByRole('option', { name: /Ubiquiti LiteBeam 5AC/ }).click();
    await page.getByRole('textbox', { name: /^Serial number/ }).fill('LB-0002');
    await page.getByRole('textbox', { name: /^MAC address/ }).fill('02-5E-00-00-00-03');
    await page.getByRole('textbox', { name: /^Wi-Fi key/ }).fill('spare-5ghz');
    await page.getByRole('combobox', { name: /^Stock location/ }).fill('Main');
    await page.getByRole('option', { name: 'Main warehouse' }).click();
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'settings-inventory-item-create.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Inventory item created').waitFor();
    const spare = page.getByRole('row').filter({ hasText: 'LB-0002' });
    await spare.getByText('02:5e:00:00:00:03').waitFor();
    await spare.getByText('Main warehouse').waitFor();
    // Each field value under its field's name.
    await spare.getByText('Wi-Fi key:').waitFor();
    await spare.getByText('spare-5ghz').waitFor();
    await page.getByRole('row').filter({ hasText: 'LB-0001' }).getByRole('link', { name: 'Harbor Cafe' }).waitFor();
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'settings-inventory-items.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);
});
