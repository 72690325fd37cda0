import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real RGB PNG of a diagonal gradient, built by hand (no image library needed). */
function gradientPng(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, no interlace
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
    for (let x = 0; x < size; x++) row.set([(x * 255) / size, (y * 255) / size, 160], 1 + x * 3);
    rows.push(row);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

describe('account page in headless Chromium', () => {
  let sut: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    sut = await createTestApp();
    await sut.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await sut.close();
  });

  it('creates an account, manages its contacts, files, notes and tasks', async () => {
    const admin = await sut.admin();
    const auth = { Authorization: `Bearer ${admin.token}` };
    // Other suites share the database: names unique to this run keep every lookup unambiguous.
    const run = randomUUID().slice(0, 8);
    const typeName = `Residential ${run}`;
    const statusName = `Active ${run}`;
    const accountName = `Jane Rivera ${run}`;
    await sut.http().post('/api/account-types').set(auth).send({ name: typeName, description: 'Homes' }).expect(201);
    await sut
      .http()
      .post('/api/account-statuses')
      .set(auth)
      .send({ name: statusName, countsAsActive: true, isDelinquency: false, color: '#2e7d32' })
      .expect(201);

    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Accounts' }).waitFor();

    // Create the account through the form.
    await page.goto(`${base}/admin/#/accounts/create`);
    await page.getByLabel('Name').fill(accountName);
    await page.getByLabel('Type').click();
    await page.getByRole('option', { name: typeName, exact: true }).click();
    await page.getByLabel('Status').click();
    await page.getByRole('option', { name: statusName, exact: true }).click();
    await page.getByLabel('Address line 1').fill('12 Oak St');
    await page.getByLabel('City').fill('Springfield');
    await page.getByLabel('Region').fill('IL');
    await page.getByLabel('Postcode').fill('62701');
    await page.getByLabel('Country').fill('US');
    await page.getByLabel('Latitude').fill('39.781721');
    await page.getByLabel('Longitude').fill('-89.650148');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/accounts\/\d+\/show/);
    // The notice says what was created.
    await page
      .getByRole('alert')
      .filter({ hasText: /^Account created$/ })
      .waitFor();
    const accountId = Number(/#\/accounts\/(\d+)\/show/.exec(page.url())![1]);

    const header = page.getByRole('region', { name: 'Account header' });
    await header.getByRole('heading', { name: accountName }).waitFor();
    await header.getByText(String(accountId), { exact: true }).waitFor();
    await header.getByText('[No Groups]').waitFor();
    await page.getByTestId('coordinates').filter({ hasText: '39.781721, -89.650148' }).waitFor();

    // The next billing date is the billing figure: a new account has nothing to bill, so none, shown alike in the
    // header and on the Overview's Details card.
    const figures = await sut.http().get(`/api/accounts/${accountId}/billing-figures`).set(auth).expect(200);
    expect(figures.body.nextBillingDate).toBeNull();
    await header.getByTestId('header-next-billing-date').filter({ hasText: /^—$/ }).waitFor();
    await page.getByRole('region', { name: 'Details' }).getByText('—', { exact: true }).waitFor();

    // The account type, like the status, opens the form where it is changed.
    await header.getByRole('button', { name: /^Type: / }).click();
    await page.waitForURL(new RegExp(`#/accounts/${accountId}$`));
    await page.getByRole('button', { name: 'Save' }).waitFor();
    await page.goBack();
    await header.getByRole('heading', { name: accountName }).waitFor();

    // Two contacts; the first becomes primary, then the second is made primary.
    await page.getByRole('tab', { name: 'Contacts' }).click();
    await page.waitForURL(/\/show\/contacts/);
    for (const [name, email] of [
      ['Jane Rivera', 'jane@example.com'],
      ['Sam Rivera', `sam-${run}@example.com`],
    ]) {
      await page.getByRole('button', { name: 'Add contact' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add contact' });
      const nameInput = dialog.getByRole('textbox', { name: /^Name/ });
      await nameInput.waitFor();
      // A new contact starts blank, not with the account's own name.
      expect(await nameInput.inputValue()).toBe('');
      await nameInput.fill(name);
      await dialog.getByRole('textbox', { name: 'Email' }).fill(email);
      await dialog.getByRole('button', { name: 'Save contact' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('row', { name: `Contact ${name}` }).waitFor();
    }
    const email = page.getByTestId('header-email');
    await email.filter({ hasText: 'jane@example.com' }).waitFor();
    await page.getByRole('row', { name: 'Contact Jane Rivera' }).getByText('Primary', { exact: true }).waitFor();
    await page.getByRole('row', { name: 'Contact Sam Rivera' }).getByRole('button', { name: 'Make primary' }).click();
    await email.filter({ hasText: `sam-${run}@example.com` }).waitFor();
    await page.getByRole('row', { name: 'Contact Sam Rivera' }).getByText('Primary', { exact: true }).waitFor();

    // Overview: an image upload shows its thumbnail tile.
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('region', { name: 'Primary contact' }).getByText('Sam Rivera').waitFor();
    await page.getByTestId('file-input').setInputFiles({ name: 'gradient.png', mimeType: 'image/png', buffer: gradientPng(64) });
    const thumbnail = page.getByRole('img', { name: 'Preview of gradient.png' });
    await thumbnail.waitFor();
    expect(await thumbnail.getAttribute('src')).toMatch(/^\/api\/account-files\/\d+\/thumbnail$/);
    // The thumbnail URL answered a decodable image.
    // Asked through the element itself: a predicate given as a string would be evaluated by eval, which the panel's CSP forbids.
    const decoded = () => thumbnail.evaluate((img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth > 0);
    for (const deadline = Date.now() + 15_000; !(await decoded()); await new Promise((r) => setTimeout(r, 100))) {
      if (Date.now() > deadline) throw new Error('the thumbnail did not decode within 15 s');
    }

    // A note.
    await page.getByRole('textbox', { name: 'New note' }).fill('Prefers calls after 5pm.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('list', { name: 'Notes' }).getByText('Prefers calls after 5pm.').waitFor();

    // A task, completed: it leaves the Incomplete list and shows under Complete.
    await page.getByRole('button', { name: 'Add task' }).click();
    const taskDialog = page.getByRole('dialog', { name: 'Add task' });
    await taskDialog.getByRole('textbox', { name: /^Title/ }).fill('Replace the ONT');
    await taskDialog.getByRole('button', { name: 'Save task' }).click();
    await taskDialog.waitFor({ state: 'detached' });
    const incomplete = page.getByRole('list', { name: 'Incomplete tasks' });
    const task = incomplete.getByRole('listitem', { name: 'Task: Replace the ONT' });
    await task.waitFor();
    await task.getByRole('button', { name: 'Complete', exact: true }).click();
    await task.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Tasks' }).getByRole('button', { name: 'Complete', exact: true }).click();
    await page.getByRole('list', { name: 'Complete tasks' }).getByRole('listitem', { name: 'Task: Replace the ONT' }).waitFor();

    await page.getByRole('region', { name: 'Recent logs' }).getByRole('listitem').first().waitFor();
    await page.screenshot({ path: `${process.env.TEST_SCRATCH_DIR}/account-page.png`, fullPage: true });

    // All Logs: the action history of the account, then who viewed it.
    await page.getByRole('tab', { name: 'All Logs' }).click();
    await page.locator('tbody tr').filter({ hasText: "Task 'Replace the ONT'" }).first().waitFor();
    await page.getByRole('tab', { name: 'View history' }).click();
    await page.locator('tbody tr').filter({ hasText: admin.email }).first().waitFor();

    // The accounts list exports its rows as CSV, and the global search opens the account.
    await page.getByRole('menuitem', { name: 'Accounts' }).click();
    await page.locator('tbody tr').filter({ hasText: accountName }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = require('node:fs').readFileSync(await download.path(), 'utf8') as string;
    expect(csv).toContain(accountName);
    await page.getByRole('combobox', { name: 'Search accounts' }).fill(`sam-${run}@example.com`);
    await page.getByRole('option', { name: new RegExp(accountName) }).waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/accounts/${accountId}/show$`));
  });
});
