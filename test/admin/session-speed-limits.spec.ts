import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Permission } from '../../src/auth/permission';
import { createIsolatedTestApp } from '../support/isolated-database';
import { openPanel, type Panel, signIn } from '../support/panel';
import type { TestApp } from '../support/test-app';

const VIEWPORT = { width: 1440, height: 900 };
/** Kept after the run (the run's scratch folder is not), to be looked at. */
const SHOTS = join(process.cwd(), 'test-results', 'screenshots');

/** As the page writes a time for en-US in UTC; spaces compared loosely, as ICU's narrow ones vary. */
const loosely = (text: string) => text.replace(/\s+/g, ' ').trim();
const changedAt = (iso: string) => `Last changed ${new Date(iso).toLocaleString('en-US', { timeZone: 'UTC' })}`;

/**
 * Settings › Session speed limits in headless Chromium, on a database of its own (the setting is
 * system-wide): an admin sees the delinquent speed the install starts with (512 down, 256 up),
 * changes it, is told before saving that the accounts limited now get it at once, and the API
 * answers with the new speed; a speed of 0, or one the API refuses, shows its error under the field
 * and saves nothing; a user who may only read the network sees the speeds and no way to save them.
 */
describe('the session speed limits page', () => {
  let sut: TestApp;
  let panel: Panel;
  let token: string;
  const errors: string[] = [];

  const speedsInApi = async () =>
    (await sut.http().get('/api/session-enforcement-settings').auth(token, { type: 'bearer' }).expect(200)).body as {
      delinquentDownloadKbps: number;
      delinquentUploadKbps: number;
      updatedAt: string;
    };
  const download = (page: Page) => page.getByRole('spinbutton', { name: /^Download speed \(kbit\/s\)/ });
  const upload = (page: Page) => page.getByRole('spinbutton', { name: /^Upload speed \(kbit\/s\)/ });
  const card = (page: Page) => page.getByRole('region', { name: 'Delinquent accounts' });

  /** Dialogs fade in: a screenshot waits until they are still (asked from here: the panel's CSP forbids eval). */
  const still = async (page: Page) => {
    for (let tries = 0; (await page.evaluate('document.getAnimations().length')) !== 0; tries++) {
      if (tries === 50) throw new Error('the page kept moving for 5 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sut = await createIsolatedTestApp();
    token = (await sut.admin()).token;
    panel = await openPanel(sut, VIEWPORT);
    panel.page = await panel.browser.newPage({ viewport: VIEWPORT, locale: 'en-US', timezoneId: 'UTC' });
    panel.page.on('pageerror', (e) => errors.push(e.message));
    await signIn(panel, await sut.admin());
  }, 180_000);

  afterAll(async () => {
    await panel?.browser.close();
    await sut?.close();
  });

  it('shows the delinquent speed and, once confirmed, saves a new one that the API then answers with', async () => {
    const { page } = panel;
    const before = await speedsInApi();
    expect(before).toMatchObject({ delinquentDownloadKbps: 512, delinquentUploadKbps: 256 });

    // Under Settings, beside the other network settings.
    await page.getByRole('menuitem', { name: 'Session speed limits' }).click();
    await expect(download(page).inputValue()).resolves.toBe('512');
    await expect(upload(page).inputValue()).resolves.toBe('256');
    await card(page).getByText('512 kbit/s = 0.512 Mbit/s').waitFor();
    await card(page).getByText('256 kbit/s = 0.256 Mbit/s').waitFor();
    expect(loosely(await page.getByTestId('speeds-changed-at').innerText())).toBe(loosely(changedAt(before.updatedAt)));
    await page.screenshot({ path: join(SHOTS, 'session-speed-limits.png') });

    // The same speed in Mbit/s follows what is typed.
    await download(page).fill('2000');
    await upload(page).fill('1000');
    await card(page).getByText('2,000 kbit/s = 2 Mbit/s').waitFor();
    await card(page).getByText('1,000 kbit/s = 1 Mbit/s').waitFor();

    // Nothing is sent before the confirmation, which says the limited accounts change at once.
    await page.getByRole('button', { name: 'Save speeds' }).click();
    const confirm = page.getByRole('dialog', { name: 'Change the delinquent speed?' });
    await confirm.getByText('From 512 kbit/s down, 256 kbit/s up to 2,000 kbit/s down, 1,000 kbit/s up.').waitFor();
    await confirm.getByText(/Every account limited for delinquency gets the new speed at once/).waitFor();
    expect(await speedsInApi()).toMatchObject({ delinquentDownloadKbps: 512, delinquentUploadKbps: 256 });
    await still(page);
    await page.screenshot({ path: join(SHOTS, 'session-speed-limits-confirm.png') });
    await confirm.getByRole('button', { name: 'Save and apply now' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText('Delinquent speed saved: accounts limited now run at 2,000 kbit/s down, 1,000 kbit/s up').waitFor();

    const after = await speedsInApi();
    expect(after).toMatchObject({ delinquentDownloadKbps: 2000, delinquentUploadKbps: 1000 });
    await expect(download(page).inputValue()).resolves.toBe('2000');
    await expect(upload(page).inputValue()).resolves.toBe('1000');
    await page
      .getByTestId('speeds-changed-at')
      .filter({ hasText: /Last changed/ })
      .waitFor();
    expect(loosely(await page.getByTestId('speeds-changed-at').innerText())).toBe(loosely(changedAt(after.updatedAt)));
    expect(errors).toEqual([]);
  }, 60_000);

  it('puts the error of a speed of 0, and of one the API refuses, under the field and saves nothing', async () => {
    const { page } = panel;
    const saved = await speedsInApi();

    // 0 kbit/s is caught before anything is asked or sent.
    await download(page).fill('0');
    await page.getByRole('button', { name: 'Save speeds' }).click();
    await card(page).getByText('Must be at least 1').waitFor();
    await expect(download(page).getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'session-speed-limits-zero.png') });
    expect(await speedsInApi()).toEqual(saved);

    // A part of a kbit/s is the API's to refuse: its 400 names the field, and the message lands under it.
    await download(page).fill('1.5');
    await page.getByRole('button', { name: 'Save speeds' }).click();
    const confirm = page.getByRole('dialog', { name: 'Change the delinquent speed?' });
    await confirm.getByRole('button', { name: 'Save and apply now' }).click();
    await confirm.waitFor({ state: 'detached' });
    await card(page).getByText('delinquentDownloadKbps must be an integer number').waitFor();
    await expect(download(page).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(upload(page).getAttribute('aria-invalid')).resolves.toBe('false');
    expect(await speedsInApi()).toEqual(saved);
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows a user who may only read the network the speeds, and no Save button', async () => {
    const reader = await sut.userWith([Permission.NetworkRead]);
    const page = await panel.browser.newPage({ viewport: VIEWPORT, locale: 'en-US', timezoneId: 'UTC' });
    page.on('pageerror', (e) => errors.push(e.message));
    const context = page.context();
    try {
      await page.goto(`${panel.base}/admin/`);
      await page.getByLabel('Email').fill(reader.email);
      await page.getByLabel('Password').fill(reader.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('menuitem', { name: 'Session speed limits' }).click();

      await expect(download(page).inputValue()).resolves.toBe('2000');
      await expect(upload(page).inputValue()).resolves.toBe('1000');
      await card(page).getByText('2,000 kbit/s = 2 Mbit/s').waitFor();
      await card(page)
        .getByText(/changing them needs a role that may configure the network/)
        .waitFor();
      await expect(download(page).isEditable()).resolves.toBe(false);
      await expect(upload(page).isEditable()).resolves.toBe(false);
      expect(await page.getByRole('button', { name: 'Save speeds' }).count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, 'session-speed-limits-read-only.png') });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
