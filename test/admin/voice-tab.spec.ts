import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import {
  accountWith,
  addDid,
  ASTERISK_UTC,
  call,
  freshNumber,
  importedFile,
  masterLine,
  ratePlan,
  upload,
  voiceCatalogService,
  type VoiceWorld,
  voiceWorld,
} from '../voice/voice-world';

const SHOTS = '/tmp/shots';

/** Asterisk's Master.csv time: UTC, to the second. */
const switchTime = (at: Date) => at.toISOString().slice(0, 19).replace('T', ' ');

/**
 * The account's Billing › Voice sub-tab in headless Chromium (UTC): a number is assigned with
 * "Assign DID" from the instance's available numbers, a switch file with a call on that number is
 * imported by the worker, and the call shows in the call list with its totals; "Export 1 result"
 * downloads the same call; the number is released after a confirmation.
 */
describe('the Voice sub-tab', () => {
  let w: VoiceWorld;
  let browser: Browser;
  let page: Page;
  let base: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    w = await voiceWorld({ worker: true, isolated: true });
    await w.sut.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(w.sut.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1500, height: 1100 }, locale: 'en-US', timezoneId: 'UTC', acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  it('assigns a DID, shows its imported call with totals and export, and releases it after confirming', async () => {
    const serviceId = await voiceCatalogService(w, await ratePlan(w), 0);
    const { accountId } = await accountWith(w, serviceId);
    const did = await addDid(w);
    // Another available number, so choosing the right one is a real choice.
    await addDid(w);

    const admin = await w.sut.admin();
    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Accounts' }).first().waitFor();

    await page.goto(`${base}/admin/#/accounts/${accountId}/show/billing/voice`);
    const dids = page.getByRole('region', { name: 'DIDs list' });
    await dids.getByText('The account holds no numbers.').waitFor();
    await page.getByRole('button', { name: 'Assign DID' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assign DID' });
    await dialog.getByRole('combobox', { name: 'Number' }).fill(did.number.slice(-7));
    await page.getByRole('option', { name: `+${did.number}` }).click();
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await dialog.waitFor({ state: 'detached' });
    await dids.getByRole('cell', { name: `+${did.number}` }).waitFor();
    await dids.getByRole('cell', { name: 'Held now' }).waitFor();
    const [holding] = await w.sut.db.query('SELECT assigned_at, released_at FROM did_assignments WHERE did_id = ?', [did.id]);
    expect(holding.released_at).toBeNull();

    // A call on the number, a second after it was assigned (the switch writes whole seconds).
    const start = new Date(Math.ceil((holding.assigned_at as Date).getTime() / 1000) * 1000 + 1000);
    while (Date.now() <= start.getTime()) await new Promise((resolve) => setTimeout(resolve, 100));
    const called = `1212${freshNumber().slice(-7)}`;
    const file = await upload(
      w,
      '/api/voice-cdr-files',
      masterLine({ src: did.number, dst: called, start: switchTime(start), billsec: 75, uniqueid: `ui.${did.id}` }),
      ASTERISK_UTC,
      'ui.csv',
    ).expect(201);
    await expect(importedFile(w, file.body.id as number)).resolves.toMatchObject({ status: 'imported', callsRecorded: 1 });

    await page.reload();
    const calls = page.getByRole('region', { name: 'Calls list' });
    const row = calls.locator('tbody tr').filter({ hasText: `+${called}` });
    await row.waitFor();
    // New York outbound: 30/6 at $0.008 a minute, so 75 s talk bills 78 s.
    await expect(row.locator('td').allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(['Outbound', `+${did.number}`, `+${called}`, '1:15', '1:18', 'Not billed yet']),
    );
    const totals = page.getByRole('region', { name: 'Call totals' });
    await totals.getByText('1.30').waitFor();
    await page.screenshot({ path: join(SHOTS, 'account-voice-tab.png'), fullPage: true });

    // The filters narrow the list and the totals together.
    await page.getByRole('combobox', { name: 'Direction' }).click();
    await page.getByRole('option', { name: 'Inbound' }).click();
    await calls.getByText('No calls match.').waitFor();
    await page.getByRole('combobox', { name: 'Direction' }).click();
    await page.getByRole('option', { name: 'Both' }).click();
    await row.waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export 1 result' }).click()]);
    const csv = await readFile((await download.path()) as string, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(called);
    expect(lines[1]).toContain(did.number);

    const api = (await call(w, 'get', `/api/accounts/${accountId}/voice-calls`).expect(200)).body as { toNumber: string }[];
    expect(api.map((c) => c.toNumber)).toEqual([called]);

    // Releasing asks first; cancelling keeps the number.
    await dids.getByRole('button', { name: 'Release', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: `Release +${did.number}?` });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await w.sut.db.query('SELECT state FROM dids WHERE id = ?', [did.id]))[0].state).toBe('assigned');
    await dids.getByRole('button', { name: 'Release', exact: true }).click();
    await confirm.getByRole('button', { name: 'Release' }).click();
    await confirm.waitFor({ state: 'detached' });
    await dids.getByRole('cell', { name: 'Held now' }).waitFor({ state: 'detached' });
    expect((await w.sut.db.query('SELECT state FROM dids WHERE id = ?', [did.id]))[0].state).toBe('available');
    // The call stays the account's.
    await row.waitFor();
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
