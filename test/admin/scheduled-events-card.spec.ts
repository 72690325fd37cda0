import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { InvariantCheckerService } from '../../src/billing/invariant-checker.service';
import { insertAccount } from '../contacts/account-fixture';
import { launchBrowser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

/** An instant as the panel's datetime-local input takes it; the browser runs in UTC. */
const localInput = (ms: number): string => new Date(ms).toISOString().slice(0, 16);

describe('Overview: the Scheduled events card in headless Chromium', () => {
  let sut: TestApp;
  let stopWorker: () => Promise<void>;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    sut = await createTestApp();
    ({ stop: stopWorker } = await startTestWorker(sut));
    await sut.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US', timezoneId: 'UTC' });
  });
  afterAll(async () => {
    await browser?.close();
    await stopWorker?.();
    await sut.close();
  });

  it('schedules, edits, performs now and cancels events, and shows each event with its state', async () => {
    const admin = await sut.admin();
    const auth = { Authorization: `Bearer ${admin.token}` };
    const run = randomUUID().slice(0, 8);
    const serviceName = `Static IP ${run}`;
    const service = await sut
      .http()
      .post('/api/services')
      .set(auth)
      .send({ name: serviceName, kind: 'recurring', price: 500, ledgerCode: '4000', taxIds: [] })
      .expect(201);
    const accountId = await insertAccount(sut.db, `Scheduling UI ${run}`);
    await sut
      .http()
      .put(`/api/accounts/${accountId}/billing-config`)
      .set(auth)
      .send({ billingMode: 'fixed', invoiceDay: 1, billTiming: 'advance', prorateServices: false, dueDays: 14 })
      .expect(200);
    const events = async () =>
      (await sut.http().get(`/api/accounts/${accountId}/scheduled-events`).set(auth).expect(200)).body as {
        id: number;
        state: string;
        revision: number;
        runAt: string;
        quantity: number;
      }[];

    // One event made through the API, due tomorrow, carried out now from the card.
    const soon = await sut
      .http()
      .post(`/api/accounts/${accountId}/scheduled-events`)
      .set(auth)
      .send({ kind: 'add_service', serviceId: service.body.id, runAt: new Date(Date.now() + 24 * 3600_000).toISOString() })
      .expect(201);

    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Accounts' }).waitFor();
    await page.goto(`${base}/admin/#/accounts/${accountId}/show`);

    const card = page.getByRole('region', { name: 'Scheduled events' });
    const done = card.getByRole('listitem', { name: `Scheduled event Add ${serviceName}`, exact: true });
    await done.getByText('Scheduled', { exact: true }).waitFor();
    await done.getByRole('button', { name: 'Perform now' }).click();
    const performing = page.getByRole('dialog', { name: 'Perform this event now?' });
    await performing.getByRole('button', { name: 'Perform now' }).click();
    await performing.waitFor({ state: 'detached' });
    await done.getByText('Done', { exact: true }).waitFor();
    expect(await done.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await done.getByRole('button', { name: 'Perform now' }).count()).toBe(0);
    expect((await events()).find((e) => e.id === soon.body.id)).toMatchObject({ state: 'done', revision: 1 });

    // Schedule: add the service twice over, an hour from now.
    await card.getByRole('button', { name: 'Schedule event' }).click();
    const dialog = page.getByRole('dialog', { name: 'Schedule an event' });
    await dialog.getByRole('textbox', { name: 'When' }).fill(localInput(Date.now() + 3600_000));
    await dialog.getByRole('combobox', { name: 'Service', exact: true }).fill(serviceName);
    await page.getByRole('option', { name: new RegExp(serviceName) }).click();
    await dialog.getByLabel('Quantity').fill('2');
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const item = card.getByRole('listitem', { name: `Scheduled event Add ${serviceName} × 2` });
    await item.getByText('Scheduled', { exact: true }).waitFor();
    const created = (await events()).find((e) => e.quantity === 2);
    expect(created).toMatchObject({ state: 'scheduled', revision: 1 });

    // Edit: two hours from now instead.
    await item.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit scheduled event' });
    const later = Date.now() + 2 * 3600_000;
    await edit.getByRole('textbox', { name: 'When' }).fill(localInput(later));
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    const edited = (await events()).find((e) => e.id === created?.id);
    expect(edited).toMatchObject({ state: 'scheduled', revision: 2, runAt: `${localInput(later)}:00.000Z` });

    // Its details in the side panel.
    await item.getByRole('button', { name: `Add ${serviceName} × 2` }).click();
    const details = page.getByRole('region', { name: 'Scheduled event details' });
    await details.waitFor();
    expect(
      await details
        .getByRole('definition')
        .filter({ hasText: `scheduled-event/${created?.id}` })
        .count(),
    ).toBe(1);
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });

    // Cancel, after confirming.
    await item.getByRole('button', { name: 'Cancel' }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancel this scheduled event?' });
    await confirm.getByRole('button', { name: 'Cancel event' }).click();
    await confirm.waitFor({ state: 'detached' });
    await item.getByText('Cancelled', { exact: true }).waitFor();
    expect(await item.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect((await events()).find((e) => e.id === created?.id)).toMatchObject({ state: 'cancelled', revision: 2 });
    const books = await sut.app.get(InvariantCheckerService).check('2099-12-31', [accountId]);
    expect(books.accounts).toBe(1);
    expect(books.mismatches).toEqual([]);
  });
});
