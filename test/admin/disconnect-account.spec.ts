import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { LedgerService } from '../../src/billing/ledger.service';
import { formatMoney } from '../../src/common/money';
import { BillingWorld } from '../billing/billing-world';
import { createStatus, DisconnectionBody } from '../disconnection/disconnection-fixture';
import { launchBrowser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';

/** How en-US shows US dollars: "$12.34". */
const usd = (cents: number): string => `$${formatMoney(cents)}`;

describe('disconnecting an account from the admin panel in headless Chromium', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    sut = await createTestApp();
    await sut.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    w = await new BillingWorld(sut).init();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
  });
  afterAll(async () => {
    await browser?.close();
    await sut.close();
  });

  it('confirms in a dialog, then shows the disconnection log on the Overview and hides the button', async () => {
    const admin = await sut.admin();
    const [staff] = await sut.db.query('SELECT name FROM staff_users WHERE id = ?', [admin.id]);
    const today = sut.app.get(LedgerService).today();
    const accountId = await w.account({ billTiming: 'arrears' });
    const [{ name: accountName }] = await sut.db.query('SELECT name FROM accounts WHERE id = ?', [accountId]);
    const serviceName = `Fiber ${accountId}`;
    const serviceId = (
      await w.post('/api/services', { name: serviceName, kind: 'recurring', price: 3000, ledgerCode: '4000', taxIds: [] }).expect(201)
    ).body.id as number;
    await w.addService(accountId, serviceId, today);
    await w.post('/api/transactions/one-time', { accountId, serviceId: await w.service(1234, { kind: 'one_time' }) }).expect(201);
    const status = await createStatus(w, false);

    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Accounts' }).waitFor();
    await page.goto(`${base}/admin/#/accounts/${accountId}/show`);

    const header = page.getByRole('region', { name: 'Account header' });
    const disconnect = header.getByRole('button', { name: 'Disconnect', exact: true });
    await disconnect.waitFor();
    // No disconnection yet (the button and the card read the same log): the Overview has no log card.
    await page.getByRole('region', { name: 'Location' }).waitFor();
    expect(await page.getByRole('region', { name: 'Disconnection log' }).count()).toBe(0);

    await disconnect.click();
    const dialog = page.getByRole('dialog', { name: `Disconnect ${accountName}?` });
    await dialog.getByText('cannot be undone', { exact: false }).waitFor();
    await dialog.getByText(`end every service and package on the account (${serviceName})`, { exact: false }).waitFor();
    await dialog.getByText('on a final invoice', { exact: false }).waitFor();
    await dialog.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: status.name }).click();
    await dialog.getByRole('textbox', { name: 'Reason (optional)' }).fill('Moved out of the area');
    await dialog.getByRole('button', { name: 'Disconnect account' }).click();
    await dialog.waitFor({ state: 'detached' });

    const [entry] = (await w.get(`/api/accounts/${accountId}/disconnections`).expect(200)).body as DisconnectionBody[];
    expect(entry).toMatchObject({ status: { id: status.id }, reason: 'Moved out of the area', finalInvoice: { total: 1234 } });

    const card = page.getByRole('region', { name: 'Disconnection log' });
    await card.getByText(`by ${staff.name}`, { exact: false }).waitFor();
    await card.getByText(status.name, { exact: true }).waitFor();
    await card.getByText('From 12 Oak St, Springfield, IL 62701, US').waitFor();
    await card.getByText(entry.finalInvoice!.number).waitFor();
    await card.getByText(usd(1234)).first().waitFor();
    await card.getByText('Reason: Moved out of the area').waitFor();
    await header.getByLabel(`Status: ${status.name}`).waitFor();
    await disconnect.waitFor({ state: 'detached' });
    await page.screenshot({ path: `${process.env.TEST_SCRATCH_DIR}/disconnect-account.png`, fullPage: true });

    await w.expectBooksBalance([accountId]);
  }, 180_000);
});
